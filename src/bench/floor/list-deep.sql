-- The 1,000th page of the claims list (GET /claims?after=<cursor of page 999>): a keyset, not an offset.
BEGIN;
SELECT c.id, c.statement, c.quote, c.status, c.created_at, c.decided_at, c.claim_date, c.tags, c.source_id, s.name AS source_name, s.kind, c.article_id, a.title, u.username, c.created_at AS sort_key FROM claim c JOIN source s ON s.id = c.source_id LEFT JOIN article a ON a.id = c.article_id LEFT JOIN reviewer u ON u.id = c.assignee_id WHERE true AND (c.created_at, c.id) < (cast(:cursor_time AS timestamptz), :cursor_id) ORDER BY sort_key DESC, c.id DESC LIMIT 26 OFFSET 0;
SELECT status, sum(claims) FROM claim_status_count GROUP BY status;
COMMIT;
SELECT r1_0.id, r1_0.active, r1_0.created_at, r1_0.password_hash, r1_0.role, r1_0.updated_at, r1_0.username, r1_0.version FROM reviewer r1_0 WHERE r1_0.active = true AND r1_0.role IN ('admin', 'reviewer') ORDER BY r1_0.username;
