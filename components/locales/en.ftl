# omnistore's storefront texts in English. The source language: every
# message here must exist in every other file (the build checks it).
# Syntax: Project Fluent (https://projectfluent.org); { $name } is a value
# filled in by the shop; plural forms follow CLDR's categories.

shop-name = omnistore
tagline = Home, garden and outdoor — online and in 40+ stores
skip-to-content = Skip to content
home = Home
categories = Categories
main-navigation = Main navigation
search = Search
search-label = Search products, SKU or EAN
search-placeholder = What are you looking for?
search-results-for = Search results for
search-empty = Type a product name, SKU or barcode.
no-results = Nothing matches your search. Try fewer or different words.
results-count =
    { $count ->
        [one] { $count } result
       *[other] { $count } results
    }
products-count =
    { $count ->
        [one] { $count } product
       *[other] { $count } products
    }
products-heading = Products
language = Language
featured-categories = Shop by category
featured-products = Featured products
sort-by = Sort by
sort-newest = Newest
sort-price-asc = Price: low to high
sort-price-desc = Price: high to low
sort-name = Name
filters = Filters
price-from = Price from (zł)
price-to = Price to (zł)
in-stock-online = In stock online
apply = Apply
clear-filters = Clear filters
no-products-in-view = No products match these filters.
pagination = Pages
previous-page = Previous page
next-page = Next page
page = Page
of = of
breadcrumbs = Breadcrumbs
from = from
was-price = Was
now-price = Now
off = off
size = Size
colour = Colour
sku = SKU
ean = EAN
description = Description
in-stock = In stock online
low-stock = Low stock online
out-of-stock = Out of stock online
units-left =
    { $count ->
        [one] { $count } left
       *[other] { $count } left
    }
in-stores = In stock in stores
stores-count =
    { $count ->
        [one] In stock in { $count } store
       *[other] In stock in { $count } stores
    }
not-in-stores = Not in stores
variants = options
not-found-title = Page not found
not-found-text = We could not find that page. It may have moved, or the link may be wrong.
product-not-found = This product does not exist or is no longer sold.
back-home = Back to the home page
error-title = The shop is temporarily unavailable
error-text = Your cart is safe. Please try again in a moment.
bad-request-title = That link is not valid
loading = Loading…
home-meta-description = omnistore: home, garden and outdoor products online, with stock in 40+ stores across Poland.
components-title = Component gallery
components-intro = Every reusable component, rendered live with example props.
footer = omnistore — open-source omnichannel storefront
view-product = View product
search-too-long = Search text is too long (at most 200 characters).
cart = Cart
cart-title = Your cart
cart-empty = Your cart is empty.
cart-items =
    { $count ->
        [one] { $count } item
       *[other] { $count } items
    }
add-to-cart = Add to cart
choose-options = Choose options
adding = Adding…
added-to-cart = Added to your cart
quantity = Quantity
update = Update
remove = Remove
clear-cart = Empty the cart
subtotal = Subtotal
delivery = Delivery
line-total = Total
price-changed-from = Price changed since you added it; it was
all-we-have = that is all we have
only-available = Only this many are available:
reduced-to = quantity reduced to
item-unavailable = Sorry, this item is not available right now.
merged-added =
    { $count ->
        [one] { $count } item from your visit was added to your cart
       *[other] { $count } items from your visit were added to your cart
    }
merged-dropped =
    { $count ->
        [one] { $count } item from your visit is no longer available
       *[other] { $count } items from your visit are no longer available
    }
welcome = Welcome back
continue-shopping = Continue shopping
view-cart = View cart
close-cart = Close
offline-queued = You are offline. The change is saved and will be sent when you are back online.
synced-after-offline = Back online: your cart is up to date.
account = Account
my-account = My account
sign-in = Sign in
sign-out = Sign out
register = Create an account
email = E-mail
password = Password
new-password = New password
current-password = Current password
password-hint = At least 10 characters.
name = Name
no-account-yet = New here?
have-account = Already have an account?
wrong-credentials = Wrong e-mail or password.
too-many-attempts = Too many failed sign-in attempts. Wait 15 minutes and try again.
email-taken = An account with this e-mail address already exists.
register-invalid = Check the form: your name, a valid e-mail address and a password of at least 10 characters.
profile = Profile
save = Save
saved = Saved.
addresses = Addresses
add-address = Add an address
street = Street and number
postcode = Postcode
city = City
phone = Phone
edit = Edit
delete = Delete
no-addresses = No saved addresses yet.
preferred-store = My store
no-store-chosen = No store chosen
orders = Orders
no-orders = You have no orders yet.
sessions = Signed-in devices
this-device = this device
last-seen = last active
sign-out-everywhere = Sign out everywhere
sign-out-device = Sign out
change-password = Change password
password-changed = Password changed. Your other devices were signed out.
address-deleted = Address deleted.
device-signed-out = That device was signed out.
delete-account = Delete account
delete-account-warning = This deletes your account, addresses and cart for good.
language-2 = Language of e-mails
sign-in-needed = Please sign in to see your account.
pick-up-at = Pick up at
pick-up-choose-store = Pick up in a store (choose your store)
deliver-instead = Deliver instead
not-on-shelf-transfer = Not on this store's shelf: we bring it from our warehouse, ready in 2 days.
how-to-get-it = How to get it
monday = Monday
tuesday = Tuesday
wednesday = Wednesday
thursday = Thursday
friday = Friday
saturday = Saturday
sunday = Sunday
today = today
tomorrow = tomorrow
at = at
open-now = Open
closes-in = closes in
closes-at = closes at
closed-now = Closed
opens = opens
today-hours = Today
closed-all-day = closed
service-pickup = Click & collect
service-kiosk = Self-service kiosk
show-on-map = Show on map
this-is-my-store = Your store
set-as-my-store = Set as my store
opening-hours = Opening hours
special-hours = Special opening hours
store-map = Map of the stores found
store-map-caption = Numbered markers match the numbered list of stores.
find-a-store = Find a store
store-search-label = City, postcode or street
use-my-location = Use my location
stores-found = Stores found
choose-your-store = Choose your store
pickup-time = Pickup time
stores-title = Our stores
stores-intro = Find a store near you, see its hours and pick up your order there.
no-stores-found = No store matches. Try a city name or a postcode.
locating = Finding your location…
location-denied = Location is off for this site. Search by city or postcode instead.
location-unavailable = Your location is not available right now. Search by city or postcode instead.
nearest-to-you = Nearest to you
store-address = Address
store-services = Services
time-zone = Time zone
my-store-set = This is now your store.
in-stock-at = In stock at
low-stock-at = Low stock at
out-of-stock-at = Out of stock at
available-at = Available at
delivery-available = Home delivery: in stock
delivery-unavailable = Home delivery: out of stock
available-at-my-store = Available at
stock-at-my-store = Stock at your store
choose-store-for-stock = Choose your store to see its stock.
checkout-title = Checkout
go-to-checkout = Go to checkout
ready-from = Ready
pickup-at-store = Pickup at
store-lacks = Your store does not have everything on its shelf.
has-everything = has everything
switch-store = Pick up there
contact = Contact details
delivery-address = Delivery address
payment = Payment
pay-at-pickup = Pay at pickup (card or cash in the store)
test-card-ok = Test card — approved (no money moves)
test-card-decline = Test card — declined
place-order = Place order
no-slots = No pickup slots are free in the next 7 days at this store. Choose another store or delivery.
choose-store-first = Choose the store where you will pick up.
order-title = Order
order-status-label = Status
status-placed = Placed — we are preparing it
status-ready = Ready for pickup
status-collected = Collected
status-cancelled = Cancelled
status-expired = Expired (not collected in time)
pickup-code = Pickup code
show-code-at-counter = Show this code at the counter.
slot = Pickup slot
placed-at = Placed
channel = Channel
total = Total
payment-paid = Paid
order-placed-thanks = Thank you! Your order is placed. We sent a confirmation by e-mail.
order-not-found = We could not find this order. Sign in with the account that placed it, or open the link from your confirmation e-mail.
staff-orders-title = Pickup orders
staff-only = This page is for the store's staff. Sign in with a staff account.
mark-ready = Mark ready
mark-collected = Mark collected
cancel-order = Cancel
no-store-orders = No pickup orders at the moment.
customer = Customer
error-stock = Some items are no longer in stock in that quantity. The cart shows what is available now.
error-slot = That pickup slot is no longer available. Choose another one.
kiosk-welcome = Welcome! Find anything in the store, check what is on the shelf here, or order for pickup or delivery.
kiosk-touch-to-start = Touch to start
kiosk-scan-label = Scan a barcode or type a product code
kiosk-find = Find
scan-empty = Scan a barcode or type a product code.
scan-length = A barcode has 12 or 13 digits.
scan-check-digit = That barcode did not scan correctly (wrong check digit); please scan it again.
scan-not-a-code = A product code is letters, digits and dashes, like GAR-00453-01.
scan-unknown = no product has this code
kiosk-on-shelf = On the shelf here
kiosk-everything = Everything (order for pickup or delivery)
kiosk-start-over = Start over
kiosk-staff = Staff
kiosk-send-to-phone = Send to my phone
kiosk-scan-with-phone = Scan this code with your phone's camera: your cart moves to your phone. The link works once, for 10 minutes.
kiosk-still-there = Are you still there?
kiosk-reset-in = For your privacy this kiosk starts over in
kiosk-seconds = seconds
kiosk-still-here = I'm still here
kiosk-pin = Staff PIN
kiosk-start-kiosk = Start kiosk mode
kiosk-exit = Exit kiosk mode
kiosk-assist = Assist a customer (pause the reset for 15 minutes)
kiosk-settings = Save timing
kiosk-idle-seconds = Seconds without input before asking
kiosk-countdown-seconds = Seconds to answer
kiosk-not-started = This kiosk is not started. Staff: enter the store's PIN to start kiosk mode on this device.
kiosk-no-pin = This store has no kiosk PIN yet. Set one with: omnistore kiosk-pin --store
kiosk-wrong-pin = That PIN is not right.
kiosk-throttled = Too many wrong PINs. Try again in 15 minutes.
kiosk-on-shelf-aisle = On the shelf here
kiosk-in-stock = in stock
kiosk-not-on-shelf = Not on the shelf here: order it for pickup later or delivery.
pwa-description = Home, garden and outdoor: shop online, pick up in a store near you.
offline-title = You are offline
offline-body = This page has not been saved on this device yet. Pages you have visited before open without a connection; this one will when you are back online.
offline-home = Go to the home page
offline-banner = You are offline: this is a copy saved on this device. Prices marked * may be out of date; we check them again at checkout.
update-available = A new version is available
update-reload = Reload
handoff-title = Your cart from the kiosk
handoff-offer = waiting for you at the kiosk in
handoff-take = Add them to my cart
handoff-used = This link was used already. Each link works once: ask the kiosk for a new one.
handoff-expired = This link has expired (links last 10 minutes). Ask the kiosk for a new one.
handoff-unknown = This link is not one of ours. Scan the code on the kiosk again.
handoff-added = Your cart from the kiosk is here.
error-payment = The payment did not go through; nothing was charged and your cart is as it was.
error-status = This order cannot make that move now: the desk shows where it is.
error-invalid = Please check the form: a field is missing or not valid.
error-unavailable = The shop is temporarily unavailable. Your cart is safe: please try again in a moment.
available-at-my-store-filter = Only on the shelf at my store
at-my-store = At my store
not-at-my-store = Not at my store
reminders-consent = Send me one reminder if I leave items in my cart for a day
## Server only: why a request was refused (see `model::Problem`); the server words it.
p-field-error = { $field }: { $error }
p-page-out-of-range = The page must be a whole number from 1 to { $max }.
p-query-too-long = The search text is too long (at most { $max } characters).
p-quantity-out-of-range = The quantity must be between { $min } and { $max }.
p-unknown-store = There is no store "{ $store }".
p-unknown-status = There is no order status "{ $status }".
p-too-many-variants = Ask for at most { $max } variants at once.
p-address-limit = You can save at most { $max } addresses; delete one first.
p-no-customer = No customer has the e-mail { $email }; they must register first.
p-too-many-pins = Too many wrong PINs: try again in { $minutes } minutes.
p-no-such-store-order = There is no order #{ $number } at this store.
p-handoff-expired = This link has expired (links last { $minutes } minutes): ask the kiosk for a new one.
p-status-change = Order #{ $number } is “{ $from }” and cannot become “{ $to }”.
p-short-line-at-store = { $name } (you asked for { $wanted }): { $left } left at { $store } and { $online } online
p-short-line = { $name } (you asked for { $wanted }): { $online } left online
p-not-enough-stock = Not enough stock, so the order was not placed — { $lines }. Lower the quantity or remove the line and try again.
p-payment-declined = The payment did not go through (the card was declined); nothing was charged and your cart is as it was.
p-payment-no-method = The payment did not go through (choose a payment method); nothing was charged and your cart is as it was.
p-not-a-number = "{ $value }" is not a number.
p-limit-out-of-range = The limit must be a whole number from 1 to { $max }.
p-unknown-staff-action = There is no staff action "{ $action }".
p-unknown-channel = There is no channel "{ $channel }".
p-unknown-parameter = Unknown parameter "{ $name }" (use near, q, limit).
p-near-or-query = Give near=lat,lng or q=text.
p-bad-content-length = Content-Length is not a number.
p-incomplete-body = The request body did not arrive whole.
p-cross-site = Cross-site request refused: this form may only be sent from this shop.
p-visit-ended = This kiosk visit has ended; open the page again to start afresh.
p-bad-near = Give the place as "latitude,longitude", e.g. 50.06,19.94.
p-latitude-out-of-range = The latitude must be between -90 and 90.
p-longitude-out-of-range = The longitude must be between -180 and 180.
p-bad-kiosk-timing = Kiosk settings need an idle time and a countdown within their ranges.
p-bad-slot = The pickup slot is not one we offered.
p-unknown-variant = There is no such product variant.
p-unknown-fulfilment = Choose delivery or pickup.
p-unknown-language = Unknown language; choose one from the list.
p-bad-change-key = The change key must be 8-64 letters, digits, '-' or '_'.
p-bad-variant-list = Variants must be ids like 1,2,3.
p-form-expired = The checkout form has expired; reload the page and try again.
p-cart-empty = Your cart is empty: add something first.
p-choose-store-first = Choose your store first (Stores → Set as my store).
p-choose-slot = Choose a pickup slot.
p-delivery-address-missing = Enter the delivery address (street, postcode and city).
p-not-our-link = This link is not one of ours: scan the code on the kiosk again.
p-not-a-kiosk = Only a store's kiosk does this.
p-use-your-phone = Open this link on your phone, not on the kiosk.
p-sign-in-first = Please sign in (your session has ended).
p-wrong-password = That is not your current password.
p-wrong-pin = That PIN is not right.
p-staff-only = This page is for the store's staff.
p-account-gone = This account no longer exists.
p-no-such-order = There is no such order here (signed in as someone else, or the link is incomplete?).
p-no-such-store = There is no such store.
p-no-such-address = There is no such address.
p-no-such-session = There is no such session.
p-no-such-handoff = There is no such handoff.
p-cart-moved = This cart was moved to your account when you signed in; reload the page to see it.
p-slot-too-early = That pickup slot is too early: some items come from our warehouse and are ready in 2 days; choose a later slot.
p-slot-unavailable = That pickup slot is not available; choose another.
p-slot-full = That pickup slot has just filled up; choose another one.
p-handoff-used = This cart was already taken with this link; each link works once.
## Server only: order e-mails (subject, then the body's parts).
mail-placed = Your order #{ $number } has been placed
mail-ready = Your order #{ $number } is ready for pickup
mail-collected = Your order #{ $number } has been collected. Thank you
mail-cancelled = Your order #{ $number } has been cancelled
mail-expired = Your order #{ $number } was not collected in time and has been cancelled
mail-greeting = Hello { $name },
mail-pickup = 
    Pickup: { $store }, { $street } { $city }
    Slot: { $slot }
    Pickup code: { $code }
mail-total = Total: { $total }
## Server only: what is wrong with a form field (see `model::FieldError`).
f-email = enter a valid e-mail address
f-password-too-short = the password needs at least { $min } characters
f-password-too-long = the password is too long
f-required = this field is required
f-too-long = this field is too long
f-control-character = this field may not contain control characters (tabs, line breaks and the like)
f-postcode = enter a postcode like 00-950
f-pin = a PIN is 4 to 8 digits
f-phone = enter a phone number of 9 to 15 digits

## Server only: the wishlist (pages and forms the server renders; no island shows them).
wishlist = Wishlist
wishlist-title = Your wishlist
wishlist-empty = Your wishlist is empty. Choose “Add to wishlist” on a product to keep it here, on every device.
wish-add = Add to wishlist
wish-remove = Remove from wishlist
wish-in-list = In your wishlist
wish-move-to-cart = Move to cart
wish-moved = Moved to your cart.
wish-removed = Removed from your wishlist.
wish-saved = Saved to your wishlist.
wish-see = See your wishlist
wish-store-units = At your store: { $units } on the shelf
wish-sold-out = Out of stock for now
error-wishlist = Your wishlist is full; remove an item first.
p-wishlist-full = Your wishlist holds at most { $max } items; remove one first.
wish-alert = Tell me when it is back at my store
wish-alert-on = We will e-mail you once when it is back on the shelf at your store.
wish-alert-off = Never mind
wish-alert-cancelled = You will not be told.
wish-alert-sign-in = Sign in to be told when it is back at your store.
mail-back-subject = { $product } is back at { $store }
mail-back-body =
    It is on the shelf at { $store } ({ $city }) now: { $link }
    You asked us to tell you once; this is the only e-mail about it.

## Server only: promotions and coupon codes (the cart and checkout pages are the server's).
coupon-label = Coupon code
coupon-apply = Apply
coupon-remove = Remove code
coupon-code = Code { $code }
coupon-discounts = Discounts
coupon-total = Total
pickup-fee = Pickup at the store
coupon-unknown = There is no such code.
coupon-not-yet = This code is not valid yet.
coupon-expired = This code has expired.
coupon-ran-out = This code has been used up.
coupon-used-up = You have already used this code as often as one customer may.
coupon-not-applicable = This code does not apply to the items in your cart, or a better offer already does.
coupon-below-minimum = This code applies once the items it covers cost { $min }.
p-coupon = Code { $code }: { $why }
p-prices-changed = Prices or offers changed since the page was shown; check the new total and order again.

## Server only: loyalty points (account, checkout and the staff desk are the server's).
points-title = Loyalty points
points-balance = Your balance: { $points } points
points-code = Show this code at the till to earn and spend points
points-history = History
points-none = No points yet: every order you collect earns one point per złoty.
points-rules = One point per złoty paid, credited when an order is collected or delivered. 100 points take 1 zł off, on up to half of an order.
points-kind-earned = Earned
points-kind-till = Till purchase
points-kind-redeemed = Spent
points-kind-returned = Given back
points-channel-web = online
points-channel-pwa = in the app
points-channel-kiosk = at a kiosk
points-channel-till = at the till
points-use = Use points (you have { $points }; at most { $max } on this order)
points-used = Points used
till-title = Till purchase
till-code = Loyalty code
till-amount = Amount paid (zł)
till-points = Points to spend
till-record = Record purchase
till-done = { $earned } points earned, { $redeemed } spent; balance { $balance }.
till-repeated = This purchase was recorded already; nothing changed.
error-points = There are not that many points to spend.
p-not-enough-points = There are not that many points: the balance is { $balance }.
p-too-many-points = At most { $max } points can go towards this purchase.
p-points-need-account = Sign in to spend loyalty points.
p-unknown-loyalty-code = That loyalty code is not anyone's.
p-bad-amount = The amount must be a price such as 12,50.
kiosk-loyalty-found = Loyalty card scanned.
kiosk-loyalty-sign-in = Sign in with this card and see my points

## Server only: reminders (e-mails, the account's switch and the unsubscribe page).
mail-cart-subject = Your cart is waiting for you
mail-cart-body = You left these in your cart:
mail-cart-open = Your cart is kept for you on every device (sign in with this address): { $link }
mail-unsubscribe = No more cart reminders (one click): { $link }
mail-slot-subject = Pick up order #{ $number } today
mail-slot-body = Your pickup slot is today: { $slot } at { $store }, { $street }, { $city }. Show the code { $code } at the counter.
reminders-title = Cart reminders
reminders-on = On: one e-mail when items stay in your cart for a day.
reminders-off = Off: no e-mails about your cart.
reminders-turn-on = Turn cart reminders on
reminders-turn-off = Turn cart reminders off
unsubscribe-title = Cart reminders
unsubscribe-ask = Stop e-mails about items left in your cart?
unsubscribe-button = Unsubscribe
unsubscribe-done = You will get no more cart reminders. You can turn them on again in your account.
unsubscribe-unknown = This unsubscribe link is not valid; you can turn reminders off in your account.

## Server only: recommendations (headings say why).
rec-bought-together = Often bought together with { $product }
rec-because = Because you bought { $product }
rec-popular-at = Popular at { $store }
rec-new-in = New in { $category }

## Server only: returns (the order page and the staff desk are the server's).
return-title = Return items
return-intro = You can return what reached you within { $days } days, until { $date }: at any of our stores, or by courier.
return-intro-store = This order was paid at the store, so it is paid back at a store's counter: bring the items to any of our stores within { $days } days, until { $date }.
return-units = Units of { $name } to return (at most { $left })
return-method = How the items come back
return-method-store = I bring them to a store (any store)
return-method-courier = I send them by courier
return-start = Start the return
returns-title = Your returns
return-code = Return code
return-show-code = Show this code with the items at any store's desk.
return-courier-how = Pack the items with the return code on a note and send them to: omnistore returns, ul. Magazynowa 1, 05-800 Pruszków.
return-waiting = Waiting for the items
return-accepted = Accepted
return-money = Money back: { $amount }
return-points-back = Points given back: { $points }
return-points-reversed = Points taken back: { $points }
return-refunded = Refunded to the way you paid.
return-at-counter = Paid back at the counter.
return-pending = Accepted; the refund is not confirmed by the payment provider yet.
desk-returns-title = Returns
desk-return-code = Return code (scan or type)
desk-return-find = Find the return
desk-return-of = Return { $code } of order #{ $number }
desk-return-accept = Accept the return and refund { $amount }
desk-return-done = Return { $code } accepted: the items are back on the shelf.
desk-return-pay = Pay back { $amount } at the counter now.
desk-return-refunded = { $amount } refunded through the payment provider.
desk-return-pending = The payment provider has not taken the refund of { $amount } yet: accept again to retry.
desk-return-again = This return was accepted before.
desk-return-courier = Sent by courier: the items go to the online warehouse.
points-kind-reversed = Taken back (returned)
points-channel-store = at a store
points-channel-courier = by courier
error-return = These items cannot be returned as asked.
p-nothing-to-return = Choose at least one item to return.
p-return-too-many = At most { $left } of { $name } can still be returned.
p-not-received-yet = { $name } has not reached you yet: cancel the order instead of returning it.
p-return-time-over = Items can be returned within { $days } days of receiving them; that time is over.
p-return-at-store-only = This order was paid at the store: return it at any of our stores to get the money back at the counter.
p-unknown-return-method = "{ $method }" is not a way to return items: choose a store or a courier.
p-no-such-return = No return has this code.
p-returns-not-here = This order is returned through the shop's commerce platform; please contact us.
mail-return-subject = Return { $code } of order #{ $number } accepted
mail-return-body = We received the items you returned. { $refund }
mail-return-refunded = { $amount } goes back the way you paid.
mail-return-counter = { $amount } was paid back at the counter.

## Server only: the loyalty card kept in the installed app (the account page and /card are the server's).
card-title = Your loyalty card
card-none = Your card is not on this device yet: open your account once while online and signed in, and it is kept here, also without a connection.
card-help = Show this code at the till to earn and spend points.
card-keep = Your card, also offline in the app
