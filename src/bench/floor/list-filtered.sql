-- The claims list filtered by status and source (GET /claims?status=disputed&sourceId=...).
BEGIN;
SELECT c.id, c.statement, c.quote, c.status, c.created_at, c.decided_at, c.claim_date, c.tags, c.source_id, s.name AS source_name, s.kind, c.article_id, a.title, u.username, c.created_at AS sort_key FROM claim c JOIN source s ON s.id = c.source_id LEFT JOIN article a ON a.id = c.article_id LEFT JOIN reviewer u ON u.id = c.assignee_id WHERE true AND c.status = :status AND c.source_id = :source_id ORDER BY sort_key DESC, c.id DESC LIMIT 26 OFFSET 0;
SELECT status, claims FROM source_status_count WHERE source_id = :source_id;
COMMIT;
SELECT s1_0.id, s1_0.aliases, s1_0.country, s1_0.created_at, s1_0.created_by, s1_0.description, s1_0.kind, s1_0.name, s1_0.updated_at, s1_0.updated_by, s1_0.version, s1_0.website FROM source s1_0 WHERE s1_0.id = :source_id;
SELECT r1_0.id, r1_0.active, r1_0.created_at, r1_0.password_hash, r1_0.role, r1_0.updated_at, r1_0.username, r1_0.version FROM reviewer r1_0 WHERE r1_0.active = true AND r1_0.role IN ('admin', 'reviewer') ORDER BY r1_0.username;
