# omnistore's storefront texts in Polish (see en.ftl).

shop-name = omnistore
tagline = Dom, ogród i outdoor — online i w ponad 40 sklepach
skip-to-content = Przejdź do treści
home = Strona główna
categories = Kategorie
main-navigation = Nawigacja główna
search = Szukaj
search-label = Szukaj produktów, SKU lub EAN
search-placeholder = Czego szukasz?
search-results-for = Wyniki wyszukiwania dla
search-empty = Wpisz nazwę produktu, SKU lub kod kreskowy.
no-results = Brak wyników. Spróbuj innych lub mniej słów.
results-count =
    { $count ->
        [one] { $count } wynik
        [few] { $count } wyniki
       *[many] { $count } wyników
    }
products-count =
    { $count ->
        [one] { $count } produkt
        [few] { $count } produkty
       *[many] { $count } produktów
    }
products-heading = Produkty
language = Język
featured-categories = Kategorie
featured-products = Polecane produkty
sort-by = Sortuj
sort-newest = Najnowsze
sort-price-asc = Cena: od najniższej
sort-price-desc = Cena: od najwyższej
sort-name = Nazwa
filters = Filtry
price-from = Cena od (zł)
price-to = Cena do (zł)
in-stock-online = Dostępne online
apply = Zastosuj
clear-filters = Wyczyść filtry
no-products-in-view = Żaden produkt nie pasuje do filtrów.
pagination = Strony
previous-page = Poprzednia strona
next-page = Następna strona
page = Strona
of = z
breadcrumbs = Ścieżka nawigacji
from = od
was-price = Poprzednio
now-price = Teraz
off = taniej
size = Rozmiar
colour = Kolor
sku = SKU
ean = EAN
description = Opis
in-stock = Dostępny online
low-stock = Ostatnie sztuki online
out-of-stock = Niedostępny online
units-left =
    { $count ->
        [one] zostało: { $count } szt.
        [few] zostały { $count } szt.
       *[many] zostało { $count } szt.
    }
in-stores = Dostępny w sklepach
stores-count =
    { $count ->
        [one] Dostępny w { $count } sklepie
        [few] Dostępny w { $count } sklepach
       *[many] Dostępny w { $count } sklepach
    }
not-in-stores = Brak w sklepach
variants = warianty
not-found-title = Nie znaleziono strony
not-found-text = Nie znaleźliśmy tej strony. Mogła zostać przeniesiona albo link jest błędny.
product-not-found = Ten produkt nie istnieje lub nie jest już sprzedawany.
back-home = Wróć na stronę główną
error-title = Sklep jest chwilowo niedostępny
error-text = Twój koszyk jest bezpieczny. Spróbuj ponownie za chwilę.
bad-request-title = Ten link jest nieprawidłowy
loading = Ładowanie…
home-meta-description = omnistore: dom, ogród i outdoor online, z dostępnością w ponad 40 sklepach w Polsce.
components-title = Galeria komponentów
components-intro = Wszystkie komponenty wielokrotnego użytku z przykładowymi danymi.
footer = omnistore — otwarty sklep wielokanałowy
view-product = Zobacz produkt
search-too-long = Tekst wyszukiwania jest za długi (maksymalnie 200 znaków).
cart = Koszyk
cart-title = Twój koszyk
cart-empty = Twój koszyk jest pusty.
cart-items =
    { $count ->
        [one] { $count } produkt
        [few] { $count } produkty
       *[many] { $count } produktów
    }
add-to-cart = Dodaj do koszyka
choose-options = Wybierz wariant
adding = Dodawanie…
added-to-cart = Dodano do koszyka
quantity = Ilość
update = Zmień
remove = Usuń
clear-cart = Opróżnij koszyk
subtotal = Suma
delivery = Dostawa
line-total = Razem
price-changed-from = Cena zmieniła się od dodania; wcześniej
all-we-have = to wszystko, co mamy
only-available = Dostępna liczba sztuk:
reduced-to = ilość zmniejszona do
item-unavailable = Niestety ten produkt jest teraz niedostępny.
merged-added =
    { $count ->
        [one] { $count } produkt z Twojej wizyty dodano do koszyka
        [few] { $count } produkty z Twojej wizyty dodano do koszyka
       *[many] { $count } produktów z Twojej wizyty dodano do koszyka
    }
merged-dropped =
    { $count ->
        [one] { $count } produkt z Twojej wizyty jest już niedostępny
        [few] { $count } produkty z Twojej wizyty są już niedostępne
       *[many] { $count } produktów z Twojej wizyty jest już niedostępnych
    }
welcome = Witaj ponownie
continue-shopping = Kontynuuj zakupy
view-cart = Zobacz koszyk
close-cart = Zamknij
offline-queued = Jesteś offline. Zmiana została zapisana i zostanie wysłana po odzyskaniu połączenia.
synced-after-offline = Połączenie przywrócone: koszyk jest aktualny.
account = Konto
my-account = Moje konto
sign-in = Zaloguj się
sign-out = Wyloguj się
register = Załóż konto
email = E-mail
password = Hasło
new-password = Nowe hasło
current-password = Obecne hasło
password-hint = Co najmniej 10 znaków.
name = Imię i nazwisko
no-account-yet = Nie masz konta?
have-account = Masz już konto?
wrong-credentials = Nieprawidłowy e-mail lub hasło.
too-many-attempts = Zbyt wiele nieudanych prób logowania. Odczekaj 15 minut i spróbuj ponownie.
email-taken = Konto z tym adresem e-mail już istnieje.
register-invalid = Sprawdź formularz: imię i nazwisko, poprawny adres e-mail i hasło o długości co najmniej 10 znaków.
profile = Profil
save = Zapisz
saved = Zapisano.
addresses = Adresy
add-address = Dodaj adres
street = Ulica i numer
postcode = Kod pocztowy
city = Miejscowość
phone = Telefon
edit = Edytuj
delete = Usuń
no-addresses = Brak zapisanych adresów.
preferred-store = Mój sklep
no-store-chosen = Nie wybrano sklepu
orders = Zamówienia
no-orders = Nie masz jeszcze zamówień.
sessions = Zalogowane urządzenia
this-device = to urządzenie
last-seen = ostatnio aktywne
sign-out-everywhere = Wyloguj ze wszystkich urządzeń
sign-out-device = Wyloguj
change-password = Zmień hasło
password-changed = Hasło zmienione. Pozostałe urządzenia zostały wylogowane.
address-deleted = Adres usunięty.
device-signed-out = To urządzenie zostało wylogowane.
delete-account = Usuń konto
delete-account-warning = To trwale usunie konto, adresy i koszyk.
language-2 = Język wiadomości
sign-in-needed = Zaloguj się, aby zobaczyć swoje konto.
pick-up-at = Odbiór w
pick-up-choose-store = Odbiór w sklepie (wybierz sklep)
deliver-instead = Zamiast tego dostawa
not-on-shelf-transfer = Brak na półce w tym sklepie: przywieziemy z magazynu, gotowe za 2 dni.
how-to-get-it = Sposób odbioru
monday = Poniedziałek
tuesday = Wtorek
wednesday = Środa
thursday = Czwartek
friday = Piątek
saturday = Sobota
sunday = Niedziela
today = dziś
tomorrow = jutro
at = o
open-now = Otwarte
closes-in = zamknięcie za
closes-at = zamknięcie o
closed-now = Zamknięte
opens = otwarcie
today-hours = Dziś
closed-all-day = nieczynne
service-pickup = Odbiór osobisty
service-kiosk = Kiosk samoobsługowy
show-on-map = Pokaż na mapie
this-is-my-store = Twój sklep
set-as-my-store = Ustaw jako mój sklep
opening-hours = Godziny otwarcia
special-hours = Zmienione godziny otwarcia
store-map = Mapa znalezionych sklepów
store-map-caption = Numery na mapie odpowiadają numerom na liście sklepów.
find-a-store = Znajdź sklep
store-search-label = Miasto, kod pocztowy lub ulica
use-my-location = Użyj mojej lokalizacji
stores-found = Znalezione sklepy
choose-your-store = Wybierz swój sklep
pickup-time = Termin odbioru
stores-title = Nasze sklepy
stores-intro = Znajdź sklep w pobliżu, sprawdź godziny otwarcia i odbierz tam zamówienie.
no-stores-found = Brak pasujących sklepów. Wpisz nazwę miasta lub kod pocztowy.
locating = Ustalamy Twoją lokalizację…
location-denied = Lokalizacja jest wyłączona dla tej strony. Wyszukaj po mieście lub kodzie pocztowym.
location-unavailable = Lokalizacja jest teraz niedostępna. Wyszukaj po mieście lub kodzie pocztowym.
nearest-to-you = Najbliżej Ciebie
store-address = Adres
store-services = Usługi
time-zone = Strefa czasowa
my-store-set = To jest teraz Twój sklep.
in-stock-at = Dostępne w
low-stock-at = Ostatnie sztuki w
out-of-stock-at = Brak w
available-at = Dostępne w
delivery-available = Dostawa do domu: dostępne
delivery-unavailable = Dostawa do domu: niedostępne
available-at-my-store = Dostępne w
stock-at-my-store = Stan w Twoim sklepie
choose-store-for-stock = Wybierz swój sklep, aby zobaczyć jego stan.
checkout-title = Zamówienie
go-to-checkout = Przejdź do zamówienia
ready-from = Gotowe
pickup-at-store = Odbiór w
store-lacks = Twój sklep nie ma wszystkiego na półce.
has-everything = ma wszystko
switch-store = Odbierz tam
contact = Dane kontaktowe
delivery-address = Adres dostawy
payment = Płatność
pay-at-pickup = Płatność przy odbiorze (karta lub gotówka w sklepie)
test-card-ok = Karta testowa — zaakceptowana (bez obciążenia)
test-card-decline = Karta testowa — odrzucona
place-order = Złóż zamówienie
no-slots = Brak wolnych terminów odbioru w tym sklepie w ciągu 7 dni. Wybierz inny sklep lub dostawę.
choose-store-first = Wybierz sklep, w którym odbierzesz zamówienie.
order-title = Zamówienie
order-status-label = Stan zamówienia
status-placed = Złożone — przygotowujemy je
status-ready = Gotowe do odbioru
status-collected = Odebrane
status-cancelled = Anulowane
status-expired = Wygasło (nieodebrane w terminie)
pickup-code = Kod odbioru
show-code-at-counter = Pokaż ten kod przy kasie.
slot = Termin odbioru
placed-at = Złożone
channel = Kanał
total = Razem
payment-paid = Opłacone
order-placed-thanks = Dziękujemy! Zamówienie zostało złożone. Potwierdzenie wysłaliśmy e-mailem.
order-not-found = Nie znaleziono zamówienia. Zaloguj się na konto, z którego je złożono, lub otwórz link z e-maila.
staff-orders-title = Zamówienia do odbioru
staff-only = Ta strona jest dla pracowników sklepu. Zaloguj się kontem pracownika.
mark-ready = Oznacz jako gotowe
mark-collected = Oznacz jako odebrane
cancel-order = Anuluj
no-store-orders = Brak zamówień do odbioru.
customer = Klient
error-stock = Części produktów nie ma już w tej ilości. Koszyk pokazuje, co jest dostępne.
error-slot = Ten termin odbioru jest już niedostępny. Wybierz inny.
kiosk-welcome = Witamy! Znajdź dowolny produkt, sprawdź, co jest na półce w tym sklepie, albo zamów z odbiorem lub dostawą.
kiosk-touch-to-start = Dotknij, aby zacząć
kiosk-scan-label = Zeskanuj kod kreskowy lub wpisz kod produktu
kiosk-find = Znajdź
scan-empty = Zeskanuj kod kreskowy lub wpisz kod produktu.
scan-length = Kod kreskowy ma 12 lub 13 cyfr.
scan-check-digit = Kod kreskowy nie zeskanował się poprawnie (zła cyfra kontrolna); zeskanuj go ponownie.
scan-not-a-code = Kod produktu to litery, cyfry i myślniki, np. GAR-00453-01.
scan-unknown = żaden produkt nie ma tego kodu
kiosk-on-shelf = Na półce w tym sklepie
kiosk-everything = Wszystko (zamów z odbiorem lub dostawą)
kiosk-start-over = Zacznij od nowa
kiosk-staff = Obsługa
kiosk-send-to-phone = Wyślij na mój telefon
kiosk-scan-with-phone = Zeskanuj ten kod aparatem telefonu: koszyk przejdzie na Twój telefon. Link działa raz, przez 10 minut.
kiosk-still-there = Czy nadal tu jesteś?
kiosk-reset-in = Dla Twojej prywatności kiosk zacznie od nowa za
kiosk-seconds = s
kiosk-still-here = Jestem tutaj
kiosk-pin = PIN obsługi
kiosk-start-kiosk = Włącz tryb kiosku
kiosk-exit = Wyłącz tryb kiosku
kiosk-assist = Pomoc klientowi (wstrzymaj reset na 15 minut)
kiosk-settings = Zapisz czasy
kiosk-idle-seconds = Sekundy bez dotyku przed pytaniem
kiosk-countdown-seconds = Sekundy na odpowiedź
kiosk-not-started = Kiosk nie jest uruchomiony. Obsługa: wpisz PIN sklepu, aby włączyć tryb kiosku na tym urządzeniu.
kiosk-no-pin = Ten sklep nie ma jeszcze PIN-u kiosku. Ustaw go poleceniem: omnistore kiosk-pin --store
kiosk-wrong-pin = Nieprawidłowy PIN.
kiosk-throttled = Zbyt wiele błędnych PIN-ów. Spróbuj za 15 minut.
kiosk-on-shelf-aisle = Na półce w tym sklepie
kiosk-in-stock = szt. dostępne
kiosk-not-on-shelf = Brak na półce w tym sklepie: zamów z odbiorem później lub dostawą.
pwa-description = Dom, ogród i wypoczynek: kupuj online, odbieraj w sklepie w pobliżu.
offline-title = Jesteś offline
offline-body = Ta strona nie została jeszcze zapisana na tym urządzeniu. Strony odwiedzone wcześniej działają bez połączenia; ta otworzy się, gdy wrócisz do sieci.
offline-home = Przejdź do strony głównej
offline-banner = Jesteś offline: to kopia zapisana na tym urządzeniu. Ceny oznaczone * mogą być nieaktualne; sprawdzimy je ponownie przy zamówieniu.
update-available = Dostępna jest nowa wersja
update-reload = Odśwież
handoff-title = Twój koszyk z kiosku
handoff-offer = czekają na Ciebie w kiosku w sklepie
handoff-take = Dodaj do mojego koszyka
handoff-used = Ten link został już użyty. Każdy link działa raz: poproś kiosk o nowy.
handoff-expired = Link wygasł (działa 10 minut). Poproś kiosk o nowy.
handoff-unknown = To nie jest nasz link. Zeskanuj kod w kiosku ponownie.
handoff-added = Twój koszyk z kiosku jest tutaj.
error-payment = Płatność nie powiodła się; nic nie pobrano, a koszyk jest bez zmian.
error-status = To zamówienie nie może teraz przejść do tego stanu: lista pokazuje, gdzie jest.
error-invalid = Sprawdź formularz: brakuje pola lub jest niepoprawne.
error-unavailable = Sklep jest chwilowo niedostępny. Twój koszyk jest bezpieczny: spróbuj ponownie za chwilę.
available-at-my-store-filter = Tylko dostępne w moim sklepie
at-my-store = W moim sklepie
not-at-my-store = Brak w moim sklepie
reminders-consent = Wyślij mi jedno przypomnienie, jeśli zostawię produkty w koszyku na dobę
## Server only: why a request was refused (see `model::Problem`); the server words it.
p-field-error = { $field }: { $error }
p-page-out-of-range = Numer strony musi być liczbą całkowitą od 1 do { $max }.
p-query-too-long = Tekst wyszukiwania jest za długi (najwyżej { $max } znaków).
p-quantity-out-of-range = Liczba sztuk musi wynosić od { $min } do { $max }.
p-unknown-store = Nie ma sklepu „{ $store }”.
p-unknown-status = Nie ma statusu zamówienia „{ $status }”.
p-too-many-variants = Można zapytać o najwyżej { $max } wariantów naraz.
p-address-limit = Można zapisać najwyżej { $max } adresów; najpierw usuń jeden.
p-no-customer = Żaden klient nie ma adresu { $email }; musi się najpierw zarejestrować.
p-too-many-pins = Zbyt wiele błędnych PIN-ów: spróbuj ponownie za { $minutes } minut.
p-no-such-store-order = W tym sklepie nie ma zamówienia nr { $number }.
p-handoff-expired = Link wygasł (linki działają { $minutes } minut): poproś kiosk o nowy.
p-status-change = Zamówienie nr { $number } ma status „{ $from }” i nie może przejść w „{ $to }”.
p-short-line-at-store = { $name } (zamówiono { $wanted }): w sklepie { $store } zostało { $left }, online { $online }
p-short-line = { $name } (zamówiono { $wanted }): online zostało { $online }
p-not-enough-stock = Za mało towaru, więc zamówienie nie zostało złożone — { $lines }. Zmniejsz liczbę sztuk lub usuń pozycję i spróbuj ponownie.
p-payment-declined = Płatność nie przeszła (karta odrzucona); nic nie pobrano, a koszyk jest taki jak był.
p-payment-no-method = Płatność nie przeszła (wybierz metodę płatności); nic nie pobrano, a koszyk jest taki jak był.
p-not-a-number = „{ $value }” nie jest liczbą.
p-limit-out-of-range = Limit musi być liczbą całkowitą od 1 do { $max }.
p-unknown-staff-action = Nie ma czynności obsługi „{ $action }”.
p-unknown-channel = Nie ma kanału „{ $channel }”.
p-unknown-parameter = Nieznany parametr „{ $name }” (dozwolone: near, q, limit).
p-near-or-query = Podaj near=szer,dł albo q=tekst.
p-bad-content-length = Content-Length nie jest liczbą.
p-incomplete-body = Treść żądania nie dotarła w całości.
p-cross-site = Odrzucono żądanie z innej strony: ten formularz można wysłać tylko z tego sklepu.
p-visit-ended = Ta wizyta przy kiosku się zakończyła; otwórz stronę ponownie, aby zacząć od nowa.
p-bad-near = Podaj miejsce jako „szerokość,długość”, np. 50.06,19.94.
p-latitude-out-of-range = Szerokość geograficzna musi wynosić od -90 do 90.
p-longitude-out-of-range = Długość geograficzna musi wynosić od -180 do 180.
p-bad-kiosk-timing = Ustawienia kiosku wymagają czasu bezczynności i odliczania w dozwolonych zakresach.
p-bad-slot = Ten termin odbioru nie pochodzi z naszej listy.
p-unknown-variant = Nie ma takiego wariantu produktu.
p-unknown-fulfilment = Wybierz dostawę albo odbiór.
p-unknown-language = Nieznany język; wybierz jeden z listy.
p-bad-change-key = Klucz zmiany musi mieć 8-64 litery, cyfry, '-' lub '_'.
p-bad-variant-list = Warianty podaje się jako numery, np. 1,2,3.
p-form-expired = Formularz zamówienia wygasł; odśwież stronę i spróbuj ponownie.
p-cart-empty = Koszyk jest pusty: najpierw coś dodaj.
p-choose-store-first = Najpierw wybierz swój sklep (Sklepy → Ustaw jako mój sklep).
p-choose-slot = Wybierz termin odbioru.
p-delivery-address-missing = Podaj adres dostawy (ulica, kod pocztowy i miejscowość).
p-not-our-link = To nie jest nasz link: zeskanuj kod z kiosku jeszcze raz.
p-not-a-kiosk = To może zrobić tylko kiosk w sklepie.
p-use-your-phone = Otwórz ten link na telefonie, nie na kiosku.
p-sign-in-first = Zaloguj się (sesja wygasła).
p-wrong-password = To nie jest Twoje obecne hasło.
p-wrong-pin = Nieprawidłowy PIN.
p-staff-only = Ta strona jest dla obsługi sklepu.
p-account-gone = To konto już nie istnieje.
p-no-such-order = Nie ma tu takiego zamówienia (zalogowano na inne konto albo link jest niepełny?).
p-no-such-store = Nie ma takiego sklepu.
p-no-such-address = Nie ma takiego adresu.
p-no-such-session = Nie ma takiej sesji.
p-no-such-handoff = Nie ma takiego przekazania koszyka.
p-cart-moved = Ten koszyk trafił na Twoje konto przy logowaniu; odśwież stronę, aby go zobaczyć.
p-slot-too-early = Ten termin odbioru jest za wczesny: część produktów przyjedzie z magazynu i będzie gotowa za 2 dni; wybierz późniejszy.
p-slot-unavailable = Ten termin odbioru jest niedostępny; wybierz inny.
p-slot-full = Ten termin odbioru właśnie się zapełnił; wybierz inny.
p-handoff-used = Ten koszyk został już przejęty tym linkiem; każdy link działa raz.
## Server only: order e-mails (subject, then the body's parts).
mail-placed = Zamówienie nr { $number } zostało złożone
mail-ready = Zamówienie nr { $number } jest gotowe do odbioru
mail-collected = Zamówienie nr { $number } zostało odebrane. Dziękujemy
mail-cancelled = Zamówienie nr { $number } zostało anulowane
mail-expired = Zamówienie nr { $number } nie zostało odebrane w terminie i zostało anulowane
mail-greeting = Dzień dobry, { $name },
mail-pickup = 
    Odbiór: { $store }, { $street } { $city }
    Termin: { $slot }
    Kod odbioru: { $code }
mail-total = Razem: { $total }
## Server only: what is wrong with a form field (see `model::FieldError`).
f-email = podaj prawidłowy adres e-mail
f-password-too-short = hasło musi mieć co najmniej { $min } znaków
f-password-too-long = hasło jest za długie
f-required = to pole jest wymagane
f-too-long = to pole jest za długie
f-control-character = to pole nie może zawierać znaków sterujących (tabulatorów, końców linii itp.)
f-postcode = podaj kod pocztowy w formacie 00-950
f-pin = PIN ma od 4 do 8 cyfr
f-phone = podaj numer telefonu z 9 do 15 cyfr

## Server only: the wishlist (pages and forms the server renders; no island shows them).
wishlist = Lista życzeń
wishlist-title = Twoja lista życzeń
wishlist-empty = Twoja lista życzeń jest pusta. Wybierz „Dodaj do listy życzeń” przy produkcie, aby mieć go tutaj na każdym urządzeniu.
wish-add = Dodaj do listy życzeń
wish-remove = Usuń z listy życzeń
wish-in-list = Na Twojej liście życzeń
wish-move-to-cart = Przenieś do koszyka
wish-moved = Przeniesiono do koszyka.
wish-removed = Usunięto z listy życzeń.
wish-saved = Zapisano na liście życzeń.
wish-see = Zobacz listę życzeń
wish-store-units = W Twoim sklepie: { $units } na półce
wish-sold-out = Chwilowo niedostępny
error-wishlist = Twoja lista życzeń jest pełna; najpierw usuń jakiś produkt.
p-wishlist-full = Lista życzeń mieści najwyżej { $max } produktów; najpierw usuń jeden.
wish-alert = Powiadom mnie, gdy wróci do mojego sklepu
wish-alert-on = Napiszemy do Ciebie raz, gdy wróci na półkę w Twoim sklepie.
wish-alert-off = Jednak nie
wish-alert-cancelled = Nie wyślemy powiadomienia.
wish-alert-sign-in = Zaloguj się, aby dostać powiadomienie, gdy wróci do Twojego sklepu.
mail-back-subject = { $product } znów w sklepie { $store }
mail-back-body =
    Jest już na półce w sklepie { $store } ({ $city }): { $link }
    Prosiłeś o jedno powiadomienie; to jedyna wiadomość w tej sprawie.

## Server only: promotions and coupon codes (the cart and checkout pages are the server's).
coupon-label = Kod rabatowy
coupon-apply = Zastosuj
coupon-remove = Usuń kod
coupon-code = Kod { $code }
coupon-discounts = Rabaty
coupon-total = Do zapłaty
pickup-fee = Odbiór w sklepie
coupon-unknown = Nie ma takiego kodu.
coupon-not-yet = Ten kod jeszcze nie obowiązuje.
coupon-expired = Ten kod wygasł.
coupon-ran-out = Ten kod został już wykorzystany.
coupon-used-up = Ten kod został już przez Ciebie wykorzystany tyle razy, ile można.
coupon-not-applicable = Ten kod nie dotyczy produktów w koszyku albo obowiązuje już lepsza oferta.
coupon-below-minimum = Ten kod obowiązuje, gdy produkty, których dotyczy, kosztują co najmniej { $min }.
p-coupon = Kod { $code }: { $why }
p-prices-changed = Ceny lub promocje zmieniły się od wyświetlenia strony; sprawdź nową sumę i zamów ponownie.

## Server only: loyalty points (account, checkout and the staff desk are the server's).
points-title = Punkty lojalnościowe
points-balance = Twoje saldo: { $points } pkt
points-code = Pokaż ten kod przy kasie, aby zbierać i wydawać punkty
points-history = Historia
points-none = Nie masz jeszcze punktów: każde odebrane zamówienie daje punkt za każdy złoty.
points-rules = Punkt za każdy zapłacony złoty, przyznawany po odbiorze lub dostawie zamówienia. 100 punktów to 1 zł rabatu, na najwyżej połowę zamówienia.
points-kind-earned = Zebrane
points-kind-till = Zakup w sklepie
points-kind-redeemed = Wydane
points-kind-returned = Zwrócone
points-channel-web = w sklepie internetowym
points-channel-pwa = w aplikacji
points-channel-kiosk = w kiosku
points-channel-till = przy kasie
points-use = Użyj punktów (masz { $points }; najwyżej { $max } na to zamówienie)
points-used = Użyte punkty
till-title = Zakup przy kasie
till-code = Kod lojalnościowy
till-amount = Zapłacona kwota (zł)
till-points = Punkty do wydania
till-record = Zapisz zakup
till-done = Zebrano { $earned } pkt, wydano { $redeemed }; saldo { $balance }.
till-repeated = Ten zakup został już zapisany; nic się nie zmieniło.
error-points = Nie ma tylu punktów do wydania.
p-not-enough-points = Nie ma tylu punktów: saldo wynosi { $balance }.
p-too-many-points = Na ten zakup można wydać najwyżej { $max } punktów.
p-points-need-account = Zaloguj się, aby wydawać punkty.
p-unknown-loyalty-code = Ten kod lojalnościowy nie należy do nikogo.
p-bad-amount = Kwota musi być ceną, np. 12,50.
kiosk-loyalty-found = Zeskanowano kartę lojalnościową.
kiosk-loyalty-sign-in = Zaloguj się tą kartą i pokaż moje punkty

## Server only: reminders (e-mails, the account's switch and the unsubscribe page).
mail-cart-subject = Twój koszyk na Ciebie czeka
mail-cart-body = W koszyku zostały:
mail-cart-open = Koszyk czeka na każdym urządzeniu (zaloguj się tym adresem): { $link }
mail-unsubscribe = Bez przypomnień o koszyku (jedno kliknięcie): { $link }
mail-slot-subject = Odbierz dziś zamówienie nr { $number }
mail-slot-body = Twój termin odbioru jest dziś: { $slot } w { $store }, { $street }, { $city }. Pokaż kod { $code } przy ladzie.
reminders-title = Przypomnienia o koszyku
reminders-on = Włączone: jeden e-mail, gdy produkty zostaną w koszyku przez dobę.
reminders-off = Wyłączone: bez e-maili o koszyku.
reminders-turn-on = Włącz przypomnienia o koszyku
reminders-turn-off = Wyłącz przypomnienia o koszyku
unsubscribe-title = Przypomnienia o koszyku
unsubscribe-ask = Wyłączyć e-maile o produktach pozostawionych w koszyku?
unsubscribe-button = Wypisz mnie
unsubscribe-done = Nie dostaniesz już przypomnień o koszyku. Możesz je włączyć ponownie na koncie.
unsubscribe-unknown = Ten link do wypisania jest nieważny; przypomnienia wyłączysz na swoim koncie.

## Server only: recommendations (headings say why).
rec-bought-together = Często kupowane razem z: { $product }
rec-because = Bo kupiłeś(-aś): { $product }
rec-popular-at = Popularne w sklepie { $store }
rec-new-in = Nowości w kategorii { $category }

## Server only: returns (the order page and the staff desk are the server's).
return-title = Zwrot towaru
return-intro = To, co do Ciebie dotarło, możesz zwrócić w ciągu { $days } dni, do { $date }: w dowolnym naszym sklepie albo kurierem.
return-intro-store = To zamówienie opłacono w sklepie, więc pieniądze oddajemy przy kasie sklepu: przynieś towar do dowolnego naszego sklepu w ciągu { $days } dni, do { $date }.
return-units = Sztuki: { $name } do zwrotu (najwyżej { $left })
return-method = Jak towar do nas wróci
return-method-store = Przyniosę go do sklepu (dowolnego)
return-method-courier = Wyślę go kurierem
return-start = Rozpocznij zwrot
returns-title = Twoje zwroty
return-code = Kod zwrotu
return-show-code = Pokaż ten kod razem z towarem przy ladzie dowolnego sklepu.
return-courier-how = Zapakuj towar z kartką z kodem zwrotu i wyślij na adres: omnistore zwroty, ul. Magazynowa 1, 05-800 Pruszków.
return-waiting = Czekamy na towar
return-accepted = Przyjęty
return-money = Zwrot pieniędzy: { $amount }
return-points-back = Zwrócone punkty: { $points }
return-points-reversed = Odebrane punkty: { $points }
return-refunded = Zwrócono tą samą metodą, którą zapłacono.
return-at-counter = Wypłacono przy kasie.
return-pending = Przyjęty; operator płatności nie potwierdził jeszcze zwrotu pieniędzy.
desk-returns-title = Zwroty
desk-return-code = Kod zwrotu (zeskanuj lub wpisz)
desk-return-find = Znajdź zwrot
desk-return-of = Zwrot { $code } z zamówienia nr { $number }
desk-return-accept = Przyjmij zwrot i oddaj { $amount }
desk-return-done = Zwrot { $code } przyjęty: towar wrócił na półkę.
desk-return-pay = Wypłać teraz { $amount } przy kasie.
desk-return-refunded = { $amount } zwrócono przez operatora płatności.
desk-return-pending = Operator płatności nie przyjął jeszcze zwrotu { $amount }: przyjmij ponownie, by spróbować jeszcze raz.
desk-return-again = Ten zwrot został już przyjęty.
desk-return-courier = Wysłany kurierem: towar trafia do magazynu internetowego.
points-kind-reversed = Odebrane (zwrot)
points-channel-store = w sklepie
points-channel-courier = kurierem
error-return = Tego towaru nie można zwrócić w ten sposób.
p-nothing-to-return = Wybierz przynajmniej jedną rzecz do zwrotu.
p-return-too-many = Z pozycji { $name } można jeszcze zwrócić najwyżej { $left }.
p-not-received-yet = { $name } jeszcze do Ciebie nie dotarł: zamiast zwrotu anuluj zamówienie.
p-return-time-over = Towar można zwrócić w ciągu { $days } dni od otrzymania; ten czas minął.
p-return-at-store-only = To zamówienie opłacono w sklepie: zwróć je w dowolnym naszym sklepie, a pieniądze oddamy przy kasie.
p-unknown-return-method = „{ $method }” to nie sposób zwrotu: wybierz sklep albo kuriera.
p-no-such-return = Nie ma zwrotu o tym kodzie.
p-returns-not-here = To zamówienie zwraca się przez platformę sklepu; skontaktuj się z nami.
mail-return-subject = Zwrot { $code } z zamówienia nr { $number } przyjęty
mail-return-body = Otrzymaliśmy zwrócony towar. { $refund }
mail-return-refunded = { $amount } wraca tą samą metodą, którą zapłacono.
mail-return-counter = { $amount } wypłacono przy kasie.

## Server only: the loyalty card kept in the installed app (the account page and /card are the server's).
card-title = Twoja karta lojalnościowa
card-none = Karty nie ma jeszcze na tym urządzeniu: otwórz raz swoje konto z połączeniem i po zalogowaniu, a zostanie tu zapisana, także do użytku bez internetu.
card-help = Pokaż ten kod przy kasie, by zbierać i wydawać punkty.
card-keep = Twoja karta, także bez internetu w aplikacji
