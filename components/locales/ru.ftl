# omnistore's storefront texts in Russian (see en.ftl). Prices stay in Polish
# złoty; the shop formats them for Russian readers.

shop-name = omnistore
tagline = Дом, сад и отдых на природе — онлайн и в более чем 40 магазинах
skip-to-content = Перейти к содержимому
home = Главная
categories = Категории
main-navigation = Главное меню
search = Поиск
search-label = Поиск товаров, SKU или EAN
search-placeholder = Что вы ищете?
search-results-for = Результаты поиска для
search-empty = Введите название товара, SKU или штрихкод.
no-results = Ничего не найдено. Попробуйте другие или более короткие слова.
results-count =
    { $count ->
        [one] { $count } результат
        [few] { $count } результата
       *[many] { $count } результатов
    }
products-count =
    { $count ->
        [one] { $count } товар
        [few] { $count } товара
       *[many] { $count } товаров
    }
products-heading = Товары
language = Язык
featured-categories = Категории
featured-products = Рекомендуемые товары
sort-by = Сортировка
sort-newest = Сначала новые
sort-price-asc = Цена: по возрастанию
sort-price-desc = Цена: по убыванию
sort-name = По названию
filters = Фильтры
price-from = Цена от (zł)
price-to = Цена до (zł)
in-stock-online = В наличии онлайн
apply = Применить
clear-filters = Сбросить фильтры
no-products-in-view = Нет товаров, подходящих под эти фильтры.
pagination = Страницы
previous-page = Предыдущая страница
next-page = Следующая страница
page = Страница
of = из
breadcrumbs = Навигационная цепочка
from = от
was-price = Было
now-price = Сейчас
off = скидка
size = Размер
colour = Цвет
sku = Артикул (SKU)
ean = Штрихкод (EAN)
description = Описание
in-stock = В наличии онлайн
low-stock = Онлайн осталось мало
out-of-stock = Нет в наличии онлайн
units-left =
    { $count ->
        [one] осталась { $count } шт.
        [few] осталось { $count } шт.
       *[many] осталось { $count } шт.
    }
in-stores = В наличии в магазинах
stores-count =
    { $count ->
        [one] В наличии в { $count } магазине
        [few] В наличии в { $count } магазинах
       *[many] В наличии в { $count } магазинах
    }
not-in-stores = Нет в магазинах
variants = варианты
not-found-title = Страница не найдена
not-found-text = Мы не нашли эту страницу. Возможно, она переехала или ссылка неверна.
product-not-found = Этого товара нет или он больше не продаётся.
back-home = Вернуться на главную
error-title = Магазин временно недоступен
error-text = Ваша корзина в сохранности. Попробуйте ещё раз через минуту.
bad-request-title = Эта ссылка недействительна
loading = Загрузка…
home-meta-description = omnistore: товары для дома, сада и отдыха онлайн, с наличием в более чем 40 магазинах по всей Польше.
components-title = Галерея компонентов
components-intro = Все переиспользуемые компоненты с примерами свойств.
footer = omnistore — открытая омниканальная витрина
view-product = Открыть товар
search-too-long = Текст поиска слишком длинный (не более 200 символов).
cart = Корзина
cart-title = Ваша корзина
cart-empty = Ваша корзина пуста.
cart-items =
    { $count ->
        [one] { $count } товар
        [few] { $count } товара
       *[many] { $count } товаров
    }
add-to-cart = В корзину
choose-options = Выберите вариант
adding = Добавляем…
added-to-cart = Добавлено в корзину
quantity = Количество
update = Обновить
remove = Удалить
clear-cart = Очистить корзину
subtotal = Промежуточный итог
delivery = Доставка
line-total = Сумма
price-changed-from = Цена изменилась с момента добавления; было
all-we-have = это всё, что у нас есть
only-available = В наличии только столько:
reduced-to = количество уменьшено до
item-unavailable = К сожалению, этого товара сейчас нет.
merged-added =
    { $count ->
        [one] { $count } товар из вашего визита добавлен в корзину
        [few] { $count } товара из вашего визита добавлены в корзину
       *[many] { $count } товаров из вашего визита добавлены в корзину
    }
merged-dropped =
    { $count ->
        [one] { $count } товар из вашего визита больше недоступен
        [few] { $count } товара из вашего визита больше недоступны
       *[many] { $count } товаров из вашего визита больше недоступны
    }
welcome = С возвращением
continue-shopping = Продолжить покупки
view-cart = Открыть корзину
close-cart = Закрыть
offline-queued = Вы не в сети. Изменение сохранено и будет отправлено, когда связь вернётся.
synced-after-offline = Связь восстановлена: корзина обновлена.
account = Аккаунт
my-account = Мой аккаунт
sign-in = Войти
sign-out = Выйти
register = Создать аккаунт
email = Эл. почта
password = Пароль
new-password = Новый пароль
current-password = Текущий пароль
password-hint = Не менее 10 символов.
name = Имя и фамилия
no-account-yet = Впервые у нас?
have-account = Уже есть аккаунт?
wrong-credentials = Неверная эл. почта или пароль.
too-many-attempts = Слишком много неудачных попыток входа. Подождите 15 минут и попробуйте снова.
email-taken = Аккаунт с этим адресом эл. почты уже существует.
register-invalid = Проверьте форму: имя, действительный адрес эл. почты и пароль не короче 10 символов.
profile = Профиль
save = Сохранить
saved = Сохранено.
addresses = Адреса
add-address = Добавить адрес
street = Улица и дом
postcode = Почтовый индекс
city = Город
phone = Телефон
edit = Изменить
delete = Удалить
no-addresses = Сохранённых адресов пока нет.
preferred-store = Мой магазин
no-store-chosen = Магазин не выбран
orders = Заказы
no-orders = У вас пока нет заказов.
sessions = Устройства, где выполнен вход
this-device = это устройство
last-seen = последняя активность
sign-out-everywhere = Выйти на всех устройствах
sign-out-device = Выйти
change-password = Сменить пароль
password-changed = Пароль изменён. На других устройствах выполнен выход.
address-deleted = Адрес удалён.
device-signed-out = Выход на том устройстве выполнен.
delete-account = Удалить аккаунт
delete-account-warning = Аккаунт, адреса и корзина будут удалены навсегда.
language-2 = Язык писем
sign-in-needed = Войдите, чтобы увидеть свой аккаунт.
pick-up-at = Забрать в
pick-up-choose-store = Забрать в магазине (выберите магазин)
deliver-instead = Доставить вместо этого
not-on-shelf-transfer = Нет на полке этого магазина: привезём со склада, будет готово через 2 дня.
how-to-get-it = Как получить
monday = Понедельник
tuesday = Вторник
wednesday = Среда
thursday = Четверг
friday = Пятница
saturday = Суббота
sunday = Воскресенье
today = сегодня
tomorrow = завтра
at = в
open-now = Открыто
closes-in = закроется через
closes-at = закрывается в
closed-now = Закрыто
opens = откроется
today-hours = Сегодня
closed-all-day = закрыто
service-pickup = Самовывоз
service-kiosk = Киоск самообслуживания
show-on-map = Показать на карте
this-is-my-store = Ваш магазин
set-as-my-store = Сделать моим магазином
opening-hours = Часы работы
special-hours = Особые часы работы
store-map = Карта найденных магазинов
store-map-caption = Номера на карте соответствуют номерам в списке магазинов.
find-a-store = Найти магазин
store-search-label = Город, индекс или улица
use-my-location = Определить моё местоположение
stores-found = Найденные магазины
choose-your-store = Выберите магазин
pickup-time = Время получения
stores-title = Наши магазины
stores-intro = Найдите магазин рядом, посмотрите часы работы и заберите там заказ.
no-stores-found = Магазинов не найдено. Попробуйте название города или индекс.
locating = Определяем ваше местоположение…
location-denied = Доступ к местоположению для этого сайта выключен. Ищите по городу или индексу.
location-unavailable = Местоположение сейчас недоступно. Ищите по городу или индексу.
nearest-to-you = Ближайшие к вам
store-address = Адрес
store-services = Услуги
time-zone = Часовой пояс
my-store-set = Теперь это ваш магазин.
in-stock-at = В наличии в
low-stock-at = Осталось мало в
out-of-stock-at = Нет в наличии в
available-at = Есть в
delivery-available = Доставка на дом: в наличии
delivery-unavailable = Доставка на дом: нет в наличии
available-at-my-store = Есть в
stock-at-my-store = Наличие в вашем магазине
choose-store-for-stock = Выберите магазин, чтобы увидеть наличие.
checkout-title = Оформление заказа
go-to-checkout = Оформить заказ
ready-from = Будет готово
pickup-at-store = Получение в
store-lacks = В вашем магазине на полке есть не всё.
has-everything = есть всё
switch-store = Забрать там
contact = Контактные данные
delivery-address = Адрес доставки
payment = Оплата
pay-at-pickup = Оплата при получении (картой или наличными в магазине)
test-card-ok = Тестовая карта — одобрено (деньги не списываются)
test-card-decline = Тестовая карта — отказ
place-order = Оформить заказ
no-slots = В ближайшие 7 дней в этом магазине нет свободного времени получения. Выберите другой магазин или доставку.
choose-store-first = Выберите магазин, где заберёте заказ.
order-title = Заказ
order-status-label = Статус
status-placed = Оформлен — мы его собираем
status-ready = Готов к получению
status-collected = Получен
status-cancelled = Отменён
status-expired = Истёк (не получен вовремя)
pickup-code = Код получения
show-code-at-counter = Покажите этот код на кассе.
slot = Время получения
placed-at = Оформлен
channel = Канал
total = Итого
payment-paid = Оплачено
order-placed-thanks = Спасибо! Заказ оформлен. Мы отправили подтверждение по эл. почте.
order-not-found = Мы не нашли этот заказ. Войдите в аккаунт, с которого он оформлен, или откройте ссылку из письма с подтверждением.
staff-orders-title = Заказы на самовывоз
staff-only = Эта страница для сотрудников магазина. Войдите с аккаунтом сотрудника.
mark-ready = Отметить готовым
mark-collected = Отметить полученным
cancel-order = Отменить
no-store-orders = Сейчас заказов на самовывоз нет.
customer = Покупатель
error-stock = Некоторых товаров больше нет в таком количестве. В корзине видно, что доступно сейчас.
error-slot = Это время получения уже недоступно. Выберите другое.
kiosk-welcome = Добро пожаловать! Найдите любой товар, проверьте, что есть на полке здесь, или закажите с самовывозом или доставкой.
kiosk-touch-to-start = Коснитесь, чтобы начать
kiosk-scan-label = Отсканируйте штрихкод или введите код товара
kiosk-find = Найти
scan-empty = Отсканируйте штрихкод или введите код товара.
scan-length = В штрихкоде 12 или 13 цифр.
scan-check-digit = Штрихкод считался неверно (неправильная контрольная цифра); отсканируйте его ещё раз.
scan-not-a-code = Код товара состоит из букв, цифр и дефисов, например GAR-00453-01.
scan-unknown = ни у одного товара нет такого кода
kiosk-on-shelf = На полке здесь
kiosk-everything = Всё (заказ с самовывозом или доставкой)
kiosk-start-over = Начать заново
kiosk-staff = Персонал
kiosk-send-to-phone = Отправить на мой телефон
kiosk-scan-with-phone = Отсканируйте этот код камерой телефона: корзина перейдёт на ваш телефон. Ссылка работает один раз, 10 минут.
kiosk-still-there = Вы ещё здесь?
kiosk-reset-in = Ради вашей конфиденциальности киоск начнёт заново через
kiosk-seconds = с
kiosk-still-here = Я ещё здесь
kiosk-pin = PIN персонала
kiosk-start-kiosk = Включить режим киоска
kiosk-exit = Выйти из режима киоска
kiosk-assist = Помочь покупателю (пауза сброса на 15 минут)
kiosk-settings = Сохранить время
kiosk-idle-seconds = Секунд без действий до вопроса
kiosk-countdown-seconds = Секунд на ответ
kiosk-not-started = Киоск не запущен. Персонал: введите PIN магазина, чтобы включить режим киоска на этом устройстве.
kiosk-no-pin = У этого магазина ещё нет PIN киоска. Задайте его командой: omnistore kiosk-pin --store
kiosk-wrong-pin = Неверный PIN.
kiosk-throttled = Слишком много неверных PIN. Попробуйте через 15 минут.
kiosk-on-shelf-aisle = На полке здесь
kiosk-in-stock = в наличии
kiosk-not-on-shelf = Нет на полке здесь: закажите с самовывозом позже или с доставкой.
pwa-description = Дом, сад и отдых: покупайте онлайн, забирайте в магазине рядом.
offline-title = Вы не в сети
offline-body = Эта страница ещё не сохранена на этом устройстве. Страницы, которые вы уже открывали, работают без связи; эта откроется, когда связь вернётся.
offline-home = На главную
offline-banner = Вы не в сети: это копия, сохранённая на устройстве. Цены со знаком * могут быть устаревшими; мы проверим их при оформлении заказа.
update-available = Доступна новая версия
update-reload = Обновить
handoff-title = Ваша корзина из киоска
handoff-offer = ждут вас в киоске магазина
handoff-take = Добавить в мою корзину
handoff-used = Эта ссылка уже использована. Каждая ссылка работает один раз: попросите в киоске новую.
handoff-expired = Срок действия ссылки истёк (ссылки действуют 10 минут). Попросите в киоске новую.
handoff-unknown = Это не наша ссылка. Отсканируйте код в киоске ещё раз.
handoff-added = Ваша корзина из киоска здесь.
error-payment = Оплата не прошла; деньги не списаны, корзина осталась прежней.
error-status = Этот заказ сейчас не может перейти в этот статус: на странице видно, где он.
error-invalid = Проверьте форму: поле не заполнено или заполнено неверно.
error-unavailable = Магазин временно недоступен. Ваша корзина в сохранности: попробуйте ещё раз через минуту.
available-at-my-store-filter = Только на полке моего магазина
at-my-store = В моём магазине
not-at-my-store = Нет в моём магазине
reminders-consent = Прислать одно напоминание, если я оставлю товары в корзине на сутки
## Server only: why a request was refused (see `model::Problem`); the server words it.
p-field-error = { $field }: { $error }
p-page-out-of-range = Номер страницы должен быть целым числом от 1 до { $max }.
p-query-too-long = Текст поиска слишком длинный (не более { $max } символов).
p-quantity-out-of-range = Количество должно быть от { $min } до { $max }.
p-unknown-store = Магазина «{ $store }» нет.
p-unknown-status = Статуса заказа «{ $status }» нет.
p-too-many-variants = Запрашивайте не более { $max } вариантов за раз.
p-address-limit = Можно сохранить не более { $max } адресов; сначала удалите один.
p-no-customer = Покупателя с адресом { $email } нет; сначала нужно зарегистрироваться.
p-too-many-pins = Слишком много неверных PIN: попробуйте через { $minutes } минут.
p-no-such-store-order = В этом магазине нет заказа № { $number }.
p-handoff-expired = Срок действия ссылки истёк (ссылки действуют { $minutes } минут): попросите в киоске новую.
p-status-change = Заказ № { $number } в статусе «{ $from }» и не может перейти в «{ $to }».
p-short-line-at-store = { $name } (вы заказали { $wanted }): в магазине { $store } осталось { $left }, онлайн { $online }
p-short-line = { $name } (вы заказали { $wanted }): онлайн осталось { $online }
p-not-enough-stock = Товара не хватает, поэтому заказ не оформлен — { $lines }. Уменьшите количество или удалите позицию и попробуйте снова.
p-payment-declined = Оплата не прошла (карта отклонена); деньги не списаны, корзина осталась прежней.
p-payment-no-method = Оплата не прошла (выберите способ оплаты); деньги не списаны, корзина осталась прежней.
p-not-a-number = «{ $value }» — не число.
p-limit-out-of-range = Лимит должен быть целым числом от 1 до { $max }.
p-unknown-staff-action = Действия персонала «{ $action }» нет.
p-unknown-channel = Канала «{ $channel }» нет.
p-unknown-parameter = Неизвестный параметр «{ $name }» (допустимы near, q, limit).
p-near-or-query = Укажите near=широта,долгота или q=текст.
p-bad-content-length = Content-Length — не число.
p-incomplete-body = Тело запроса пришло не полностью.
p-cross-site = Запрос с другого сайта отклонён: эту форму можно отправить только из этого магазина.
p-visit-ended = Визит к киоску завершён; откройте страницу снова, чтобы начать заново.
p-bad-near = Укажите место как «широта,долгота», например 50.06,19.94.
p-latitude-out-of-range = Широта должна быть от -90 до 90.
p-longitude-out-of-range = Долгота должна быть от -180 до 180.
p-bad-kiosk-timing = Для настроек киоска нужны время бездействия и обратный отсчёт в допустимых пределах.
p-bad-slot = Такого времени получения мы не предлагали.
p-unknown-variant = Такого варианта товара нет.
p-unknown-fulfilment = Выберите доставку или самовывоз.
p-unknown-language = Неизвестный язык; выберите из списка.
p-bad-change-key = Ключ изменения — от 8 до 64 букв, цифр, «-» или «_».
p-bad-variant-list = Варианты указываются номерами, например 1,2,3.
p-form-expired = Форма заказа устарела; обновите страницу и попробуйте снова.
p-cart-empty = Ваша корзина пуста: сначала добавьте что-нибудь.
p-choose-store-first = Сначала выберите магазин (Магазины → Сделать моим магазином).
p-choose-slot = Выберите время получения.
p-delivery-address-missing = Укажите адрес доставки (улица, индекс и город).
p-not-our-link = Это не наша ссылка: отсканируйте код в киоске ещё раз.
p-not-a-kiosk = Это может сделать только киоск магазина.
p-use-your-phone = Откройте эту ссылку на телефоне, а не в киоске.
p-sign-in-first = Войдите в аккаунт (сеанс завершён).
p-wrong-password = Это не ваш текущий пароль.
p-wrong-pin = Неверный PIN.
p-staff-only = Эта страница для сотрудников магазина.
p-account-gone = Этого аккаунта больше нет.
p-no-such-order = Такого заказа здесь нет (вход выполнен в другой аккаунт или ссылка неполная?).
p-no-such-store = Такого магазина нет.
p-no-such-address = Такого адреса нет.
p-no-such-session = Такого сеанса нет.
p-no-such-handoff = Такой передачи корзины нет.
p-cart-moved = Эта корзина перешла в ваш аккаунт при входе; обновите страницу, чтобы её увидеть.
p-slot-too-early = Это время получения слишком раннее: часть товаров едет с нашего склада и будет готова через 2 дня; выберите время позже.
p-slot-unavailable = Это время получения недоступно; выберите другое.
p-slot-full = Это время получения только что заняли; выберите другое.
p-handoff-used = Эту корзину уже забрали по этой ссылке; каждая ссылка работает один раз.
## Server only: order e-mails (subject, then the body's parts).
mail-placed = Ваш заказ № { $number } оформлен
mail-ready = Ваш заказ № { $number } готов к получению
mail-collected = Ваш заказ № { $number } получен. Спасибо
mail-cancelled = Ваш заказ № { $number } отменён
mail-expired = Ваш заказ № { $number } не был получен вовремя и отменён
mail-greeting = Здравствуйте, { $name }!
mail-pickup =
    Получение: { $store }, { $street } { $city }
    Время: { $slot }
    Код получения: { $code }
mail-total = Итого: { $total }
## Server only: what is wrong with a form field (see `model::FieldError`).
f-email = введите действительный адрес эл. почты
f-password-too-short = пароль должен содержать не менее { $min } символов
f-password-too-long = пароль слишком длинный
f-required = это поле обязательно
f-too-long = это поле слишком длинное
f-control-character = в этом поле не может быть управляющих символов (табуляций, переносов строк и т. п.)
f-postcode = введите индекс вида 00-950
f-pin = PIN состоит из 4–8 цифр
f-phone = введите номер телефона из 9–15 цифр

## Server only: the wishlist (pages and forms the server renders; no island shows them).
wishlist = Избранное
wishlist-title = Ваше избранное
wishlist-empty = В избранном пока пусто. Нажмите «В избранное» на странице товара, чтобы он был здесь на любом устройстве.
wish-add = В избранное
wish-remove = Убрать из избранного
wish-in-list = В вашем избранном
wish-move-to-cart = Перенести в корзину
wish-moved = Перенесено в корзину.
wish-removed = Удалено из избранного.
wish-saved = Добавлено в избранное.
wish-see = Открыть избранное
wish-store-units = В вашем магазине: { $units } на полке
wish-sold-out = Временно нет в наличии
error-wishlist = Избранное заполнено; сначала удалите товар.
p-wishlist-full = В избранном помещается не более { $max } товаров; сначала удалите один.
wish-alert = Сообщить, когда появится в моём магазине
wish-alert-on = Мы напишем вам один раз, когда товар снова появится на полке вашего магазина.
wish-alert-off = Не нужно
wish-alert-cancelled = Уведомления не будет.
wish-alert-sign-in = Войдите, чтобы узнать, когда товар появится в вашем магазине.
mail-back-subject = { $product } снова в магазине { $store }
mail-back-body =
    Товар снова на полке в магазине { $store } ({ $city }): { $link }
    Вы просили сообщить один раз; это единственное письмо об этом.

## Server only: promotions and coupon codes (the cart and checkout pages are the server's).
coupon-label = Промокод
coupon-apply = Применить
coupon-remove = Удалить код
coupon-code = Код { $code }
coupon-discounts = Скидки
coupon-total = Итого
pickup-fee = Самовывоз из магазина
coupon-unknown = Такого кода нет.
coupon-not-yet = Этот код ещё не действует.
coupon-expired = Срок действия этого кода истёк.
coupon-ran-out = Этот код уже исчерпан.
coupon-used-up = Вы уже использовали этот код столько раз, сколько можно одному покупателю.
coupon-not-applicable = Этот код не действует на товары в корзине, или уже действует более выгодное предложение.
coupon-below-minimum = Код действует, когда товары, на которые он распространяется, стоят не меньше { $min }.
p-coupon = Код { $code }: { $why }
p-prices-changed = Цены или акции изменились с момента показа страницы; проверьте новую сумму и оформите заказ снова.

## Server only: loyalty points (account, checkout and the staff desk are the server's).
points-title = Бонусные баллы
points-balance = Ваш баланс: { $points } баллов
points-code = Покажите этот код на кассе, чтобы копить и тратить баллы
points-history = История
points-none = Баллов пока нет: каждый полученный заказ приносит балл за каждый злотый.
points-rules = Балл за каждый оплаченный злотый, начисляется, когда заказ получен или доставлен. 100 баллов — это скидка 1 zł, не больше половины заказа.
points-kind-earned = Начислено
points-kind-till = Покупка в магазине
points-kind-redeemed = Потрачено
points-kind-returned = Возвращено
points-channel-web = на сайте
points-channel-pwa = в приложении
points-channel-kiosk = в киоске
points-channel-till = на кассе
points-use = Потратить баллы (у вас { $points }; не больше { $max } на этот заказ)
points-used = Потрачено баллов
till-title = Покупка на кассе
till-code = Бонусный код
till-amount = Оплаченная сумма (zł)
till-points = Сколько баллов потратить
till-record = Записать покупку
till-done = Начислено { $earned } баллов, потрачено { $redeemed }; баланс { $balance }.
till-repeated = Эта покупка уже записана; ничего не изменилось.
error-points = Столько баллов потратить нельзя.
p-not-enough-points = Столько баллов нет: баланс { $balance }.
p-too-many-points = На эту покупку можно потратить не больше { $max } баллов.
p-points-need-account = Войдите, чтобы тратить баллы.
p-unknown-loyalty-code = Этот бонусный код ничей.
p-bad-amount = Сумма должна быть ценой, например 12,50.
kiosk-loyalty-found = Бонусная карта отсканирована.
kiosk-loyalty-sign-in = Войти с этой картой и посмотреть баллы

## Server only: reminders (e-mails, the account's switch and the unsubscribe page).
mail-cart-subject = Ваша корзина ждёт вас
mail-cart-body = В корзине остались:
mail-cart-open = Корзина сохранена на всех устройствах (войдите с этим адресом): { $link }
mail-unsubscribe = Больше не напоминать о корзине (один клик): { $link }
mail-slot-subject = Заберите заказ № { $number } сегодня
mail-slot-body = Ваше время получения сегодня: { $slot }, { $store }, { $street }, { $city }. Покажите код { $code } на стойке.
reminders-title = Напоминания о корзине
reminders-on = Включены: одно письмо, если товары пролежат в корзине сутки.
reminders-off = Выключены: никаких писем о корзине.
reminders-turn-on = Включить напоминания о корзине
reminders-turn-off = Выключить напоминания о корзине
unsubscribe-title = Напоминания о корзине
unsubscribe-ask = Больше не присылать письма о товарах, оставленных в корзине?
unsubscribe-button = Отписаться
unsubscribe-done = Напоминаний о корзине больше не будет. Их можно снова включить в личном кабинете.
unsubscribe-unknown = Эта ссылка для отписки недействительна; напоминания можно выключить в личном кабинете.

## Server only: recommendations (headings say why).
rec-bought-together = Часто покупают вместе с: { $product }
rec-because = Потому что вы купили: { $product }
rec-popular-at = Популярно в магазине { $store }
rec-new-in = Новинки в категории { $category }

## Server only: returns (the order page and the staff desk are the server's).
return-title = Вернуть товар
return-intro = Полученный товар можно вернуть в течение { $days } дней, до { $date }: в любом нашем магазине или курьером.
return-intro-store = Этот заказ оплачен в магазине, поэтому деньги возвращаются на кассе: принесите товар в любой наш магазин в течение { $days } дней, до { $date }.
return-units = Сколько вернуть: { $name } (не больше { $left })
return-method = Как товар вернётся к нам
return-method-store = Принесу в магазин (любой)
return-method-courier = Отправлю курьером
return-start = Оформить возврат
returns-title = Ваши возвраты
return-code = Код возврата
return-show-code = Покажите этот код вместе с товаром на стойке любого магазина.
return-courier-how = Упакуйте товар с запиской с кодом возврата и отправьте по адресу: omnistore возвраты, ul. Magazynowa 1, 05-800 Pruszków.
return-waiting = Ждём товар
return-accepted = Принят
return-money = Возврат денег: { $amount }
return-points-back = Возвращено баллов: { $points }
return-points-reversed = Списано баллов: { $points }
return-refunded = Возвращено тем же способом, которым вы платили.
return-at-counter = Выплачено на кассе.
return-pending = Принят; платёжная система ещё не подтвердила возврат денег.
desk-returns-title = Возвраты
desk-return-code = Код возврата (сканируйте или введите)
desk-return-find = Найти возврат
desk-return-of = Возврат { $code } по заказу № { $number }
desk-return-accept = Принять возврат и вернуть { $amount }
desk-return-done = Возврат { $code } принят: товар снова на полке.
desk-return-pay = Выплатите { $amount } на кассе.
desk-return-refunded = { $amount } возвращено через платёжную систему.
desk-return-pending = Платёжная система ещё не приняла возврат { $amount }: примите ещё раз, чтобы повторить.
desk-return-again = Этот возврат уже принят.
desk-return-courier = Отправлен курьером: товар поступает на интернет-склад.
points-kind-reversed = Списано (возврат)
points-channel-store = в магазине
points-channel-courier = курьером
error-return = Этот товар нельзя вернуть так, как указано.
p-nothing-to-return = Выберите хотя бы один товар для возврата.
p-return-too-many = { $name }: можно вернуть не больше { $left }.
p-not-received-yet = { $name } ещё не получен: отмените заказ вместо возврата.
p-return-time-over = Товар можно вернуть в течение { $days } дней после получения; этот срок истёк.
p-return-at-store-only = Этот заказ оплачен в магазине: верните его в любом нашем магазине, и деньги выдадут на кассе.
p-unknown-return-method = «{ $method }» — не способ возврата: выберите магазин или курьера.
p-no-such-return = Возврата с таким кодом нет.
p-returns-not-here = Этот заказ возвращается через платформу магазина; свяжитесь с нами.
mail-return-subject = Возврат { $code } по заказу № { $number } принят
mail-return-body = Мы получили возвращённый товар. { $refund }
mail-return-refunded = { $amount } вернётся тем же способом, которым вы платили.
mail-return-counter = { $amount } выплачено на кассе.

## Server only: the loyalty card kept in the installed app (the account page and /card are the server's).
card-title = Ваша карта лояльности
card-none = Карты ещё нет на этом устройстве: откройте свой аккаунт один раз при подключении и после входа, и она сохранится здесь, в том числе для работы без сети.
card-help = Покажите этот код на кассе, чтобы получать и тратить баллы.
card-keep = Ваша карта, в приложении и без сети
