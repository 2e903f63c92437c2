-- The API's numbered list (GET /api/claims?page=2&size=25): its rows, then the kept counts for "total".
BEGIN;
SELECT c.id, c.statement, c.quote, c.status, c.created_at, c.decided_at, c.claim_date, c.tags, c.source_id, s.name AS source_name, s.kind, c.article_id, a.title, u.username, c.created_at AS sort_key FROM claim c JOIN source s ON s.id = c.source_id LEFT JOIN article a ON a.id = c.article_id LEFT JOIN reviewer u ON u.id = c.assignee_id WHERE true ORDER BY sort_key DESC, c.id DESC LIMIT 25 OFFSET 25;
COMMIT;
BEGIN;
SELECT status, sum(claims) FROM claim_status_count GROUP BY status;
COMMIT;
