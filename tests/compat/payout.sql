-- Creator payouts: the interview's query as written, and the correct forms.

-- case: seed payout verbatim (fan-out included, NULLs first)
-- ordered-by: 3
-- preset: seed-payout

-- case: correct payout, each fact aggregated before joining
-- ordered
-- preset: correct-payout

-- case: gross and net payout per creator for the last 30 days
-- ordered
SELECT c.creator_id, c.handle, SUM(g.amount_usd) AS gross_usd,
    SUM(g.amount_usd) * c.revenue_share AS creator_usd
FROM gifts g
JOIN streams s ON s.stream_id = g.stream_id
JOIN creators c ON c.creator_id = s.creator_id
WHERE g.sent_at >= NOW() - INTERVAL '30 days'
GROUP BY c.creator_id, c.handle, c.revenue_share
ORDER BY gross_usd DESC, c.creator_id
LIMIT 20;

-- case: gift ledger of one stream with the sender
-- ordered
SELECT g.gift_id, v.username, gc.name, g.quantity, g.amount_usd, g.sent_at
FROM gifts g
JOIN viewers v ON v.viewer_id = g.viewer_id
JOIN gift_catalog gc ON gc.gift_type_id = g.gift_type_id
WHERE g.stream_id = (SELECT stream_id FROM gifts GROUP BY stream_id ORDER BY COUNT(*) DESC, stream_id LIMIT 1)
ORDER BY g.sent_at, g.gift_id;

-- case: snapshotted amounts against the price in force when sent
SELECT COUNT(*) AS gifts,
    SUM(CASE WHEN g.amount_usd = p.price_usd * g.quantity THEN 1 ELSE 0 END) AS matching
FROM gifts g
JOIN gift_prices p ON p.gift_type_id = g.gift_type_id
WHERE g.sent_at >= p.valid_from AND (p.valid_to IS NULL OR g.sent_at < p.valid_to);

-- case: current catalog prices
-- ordered
SELECT gc.name, gc.tier, p.price_usd, p.valid_from
FROM gift_catalog gc JOIN gift_prices p ON p.gift_type_id = gc.gift_type_id
WHERE p.valid_to IS NULL
ORDER BY p.price_usd DESC, gc.name;

-- case: revenue by gift tier
-- ordered
SELECT gc.tier, COUNT(*) AS gifts, SUM(g.quantity) AS items, SUM(g.amount_usd) AS usd
FROM gifts g JOIN gift_catalog gc ON gc.gift_type_id = g.gift_type_id
GROUP BY gc.tier
ORDER BY usd DESC;

-- case: streams without any gift
SELECT COUNT(*) FROM streams s LEFT JOIN gifts g ON g.stream_id = s.stream_id WHERE g.gift_id IS NULL;

-- case: top gifters
-- ordered
SELECT v.username, COUNT(*) AS gifts, SUM(g.amount_usd) AS spent
FROM gifts g JOIN viewers v ON v.viewer_id = g.viewer_id
GROUP BY v.username
HAVING SUM(g.amount_usd) > 20
ORDER BY spent DESC, v.username
LIMIT 10;
