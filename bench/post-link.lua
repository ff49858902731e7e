-- wrk script: create a link through the v1 API (random slug each time).
wrk.method = "POST"
wrk.body = '{"url":"https://example.com/created-by-bench"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer hxk_bench_key_0123456789"
