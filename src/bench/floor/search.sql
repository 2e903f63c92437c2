-- A search of the claims list (GET /claims?q=...): the page's rows with highlighted matches, and the counts of the
-- first 101 claims found (ClaimSearch.COUNT_LIMIT + 1).
BEGIN;
SELECT set_config('plan_cache_mode', 'force_custom_plan', true);
SELECT p.*, ts_headline('english', p.statement, query, 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', HighlightAll=true'), CASE WHEN p.quote IS NULL THEN NULL ELSE ts_headline('english', p.quote, query, 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxFragments=1, MaxWords=30, MinWords=10') END FROM (SELECT c.id, c.statement, c.quote, c.status, c.created_at, c.decided_at, c.claim_date, c.tags, c.source_id, s.name AS source_name, s.kind, c.article_id, a.title, u.username, c.created_at AS sort_key FROM claim c JOIN source s ON s.id = c.source_id LEFT JOIN article a ON a.id = c.article_id LEFT JOIN reviewer u ON u.id = c.assignee_id WHERE true AND (c.search_vector || c.source_vector) @@ websearch_to_tsquery('english', :q) ORDER BY sort_key DESC, c.id DESC LIMIT 26 OFFSET 0) p, websearch_to_tsquery('english', :q) query ORDER BY p.sort_key DESC, p.id DESC;
SELECT m.status, count(*) FROM (SELECT c.status FROM claim c WHERE true AND (c.search_vector || c.source_vector) @@ websearch_to_tsquery('english', :q) LIMIT 101) m GROUP BY m.status;
COMMIT;
SELECT r1_0.id, r1_0.active, r1_0.created_at, r1_0.password_hash, r1_0.role, r1_0.updated_at, r1_0.username, r1_0.version FROM reviewer r1_0 WHERE r1_0.active = true AND r1_0.role IN ('admin', 'reviewer') ORDER BY r1_0.username;
