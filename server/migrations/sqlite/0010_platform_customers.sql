-- Customers of a commerce platform (the Vendure back end): the platform
-- holds the account (password, name, e-mail, addresses); omnistore keeps the
-- row its sessions, "my store", language and staff roles hang on, and which
-- platform customer it is. Such a row's password_hash is of a random secret
-- nobody knows: the platform checks passwords.
ALTER TABLE customers ADD COLUMN platform_customer TEXT;
CREATE UNIQUE INDEX customers_platform ON customers (platform_customer)
    WHERE platform_customer IS NOT NULL;
