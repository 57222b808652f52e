-- Transactions around the user's changes. These cases run inside the harness's own BEGIN ... ROLLBACK on
-- PostgreSQL: a COMMIT here commits for real, so only tables the case creates itself (tx_*) may be
-- changed before a COMMIT; changes to the star schema are always rolled back.

-- case: tx_rollback_undoes_delete
BEGIN;
DELETE FROM chat_messages WHERE sent_at < NOW() - INTERVAL '30 days';
ROLLBACK;
SELECT COUNT(*) AS messages, MIN(sent_at) AS oldest FROM chat_messages;

-- case: tx_rollback_undoes_update_of_money
BEGIN;
UPDATE gifts SET amount_usd = 0 WHERE gift_type_id = 10;
ROLLBACK;
SELECT SUM(amount_usd) AS usd, COUNT(*) FILTER (WHERE amount_usd = 0) AS zeroed FROM gifts;

-- case: tx_rollback_undoes_insert
BEGIN;
INSERT INTO stream_categories VALUES (13, 'Poker', TRUE);
ROLLBACK;
SELECT COUNT(*) AS categories, MAX(category_id) AS last_id FROM stream_categories;

-- case: tx_rollback_undoes_drop_table
BEGIN;
DROP TABLE retention_policies;
ROLLBACK;
-- ordered
SELECT table_name, keep_days FROM retention_policies ORDER BY table_name;

-- case: tx_reads_its_own_writes_before_commit
BEGIN;
DELETE FROM gifts WHERE quantity > 1;
UPDATE gifts SET amount_usd = amount_usd * 2 WHERE gift_type_id = 1;
SELECT COUNT(*) AS gifts, SUM(amount_usd) AS usd FROM gifts;

-- case: tx_commit_keeps_new_table
BEGIN;
CREATE TABLE tx_notes (id INT PRIMARY KEY, body TEXT);
INSERT INTO tx_notes VALUES (1, 'kept'), (2, 'also kept');
COMMIT;
-- ordered
SELECT id, body FROM tx_notes ORDER BY id;

-- case: tx_commit_then_rollback_keeps_only_committed
BEGIN;
CREATE TABLE tx_ledger (id INT PRIMARY KEY, usd NUMERIC(10,2) NOT NULL);
INSERT INTO tx_ledger VALUES (1, 10.00), (2, 5.50);
COMMIT;
BEGIN;
INSERT INTO tx_ledger VALUES (3, 99.99);
UPDATE tx_ledger SET usd = 0 WHERE id = 1;
ROLLBACK;
-- ordered
SELECT id, usd FROM tx_ledger ORDER BY id;

-- case: tx_start_transaction_synonym
START TRANSACTION;
DELETE FROM viewer_sessions WHERE device = 'tv';
ROLLBACK;
SELECT COUNT(*) FILTER (WHERE device = 'tv') AS tv_visits, COUNT(*) AS visits FROM viewer_sessions;

-- case: tx_begin_transaction_commit_multiple_changes
BEGIN TRANSACTION;
CREATE TABLE tx_queue (id INT PRIMARY KEY, state TEXT NOT NULL);
INSERT INTO tx_queue VALUES (1, 'new'), (2, 'new'), (3, 'new');
UPDATE tx_queue SET state = 'done' WHERE id = 2;
DELETE FROM tx_queue WHERE id = 3;
COMMIT;
-- ordered
SELECT id, state FROM tx_queue ORDER BY id;

-- case: tx_two_rollbacks_in_a_row
BEGIN;
UPDATE creators SET is_partner = NOT is_partner;
ROLLBACK;
BEGIN;
UPDATE creators SET revenue_share = 0.99;
ROLLBACK;
SELECT COUNT(*) FILTER (WHERE is_partner) AS partners, SUM(revenue_share) AS shares FROM creators;

-- case: tx_commit_insert_select_into_new_table
BEGIN;
CREATE TABLE tx_whales (viewer_id BIGINT PRIMARY KEY, spent NUMERIC(12,2) NOT NULL);
INSERT INTO tx_whales SELECT viewer_id, SUM(amount_usd) FROM gifts GROUP BY viewer_id HAVING SUM(amount_usd) > 150;
COMMIT;
SELECT COUNT(*) AS whales, SUM(spent) AS spent FROM tx_whales;
