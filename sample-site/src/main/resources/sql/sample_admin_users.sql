--
-- Sample-only admin users (the README states these credentials; never use them in a real store).
-- Broadleaf 3.1's admin password encoder is plaintext by default: PASSWORD is the password followed by
-- the salt {user id}. Roles come from Broadleaf's load_admin_roles.sql and the module's
-- load_rejoiner_admin_security.sql.
--
-- admin / admin: Broadleaf's master role (ROLE_ADMIN), which includes the Rejoiner permission.
INSERT INTO BLC_ADMIN_USER (ADMIN_USER_ID, EMAIL, LOGIN, NAME, PASSWORD, ACTIVE_STATUS_FLAG) VALUES (-1, 'admin@example.com', 'admin', 'Administrator', 'admin{-1}', TRUE);
INSERT INTO BLC_ADMIN_USER_ROLE_XREF (ADMIN_ROLE_ID, ADMIN_USER_ID) VALUES (-1, -1);
-- merchandiser / merchandiser: catalog only, WITHOUT the Rejoiner permission.
INSERT INTO BLC_ADMIN_USER (ADMIN_USER_ID, EMAIL, LOGIN, NAME, PASSWORD, ACTIVE_STATUS_FLAG) VALUES (-2, 'merchandiser@example.com', 'merchandiser', 'Merchandiser', 'merchandiser{-2}', TRUE);
INSERT INTO BLC_ADMIN_USER_ROLE_XREF (ADMIN_ROLE_ID, ADMIN_USER_ID) VALUES (-2, -2);
