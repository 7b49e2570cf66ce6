-- The body of every scenario's wrk script; `entries` and `nthreads` are prepended.
-- An entry is {p = path, t = token} for a GET, plus a = action id and etag for a PATCH.

local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

-- `statuses` is global: `done` reads it from each thread with thread:get.
statuses = {}
local mine, by_action, cursor, amount = {}, {}, 0, 0

function init(args)
  for i, e in ipairs(entries) do
    if (i - 1) % nthreads == tid then
      table.insert(mine, e)
      if e.a then by_action[e.a] = e end
    end
  end
  -- More threads than entries: share them all.
  if #mine == 0 then
    mine = entries
    for _, e in ipairs(mine) do
      if e.a then by_action[e.a] = e end
    end
  end
end

function request()
  cursor = cursor % #mine + 1
  local e = mine[cursor]
  local headers = { ["Authorization"] = "Bearer " .. e.t }
  if e.a then
    amount = amount + 1
    headers["If-Match"] = e.etag
    headers["Content-Type"] = "application/json"
    local body = string.format('{"budget":{"amount":"%d.00","currency":"USD"}}', 100000 + amount)
    return wrk.format("PATCH", e.p, headers, body)
  end
  return wrk.format("GET", e.p, headers)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 200 then
    local etag = headers["etag"] or headers["ETag"]
    local id = etag and body:match('"id":"([%x%-]+)"')
    local e = id and by_action[id]
    if e then e.etag = etag end
  elseif status == 412 then
    -- Another connection wrote first: take the revision from `current` and go on.
    local revision = body:match('"revision":(%d+)')
    if revision then
      for _, e in ipairs(mine) do
        if e.a and body:find(e.a, 1, true) then e.etag = '"' .. revision .. '"' end
      end
    end
  end
end

function done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      local key = tostring(status)
      merged[key] = (merged[key] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(merged) do
    table.insert(parts, string.format('"%s":%d', status, n))
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"connect_errors":%d,' ..
    '"read_errors":%d,"write_errors":%d,"timeouts":%d,"statuses":{%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.timeout, table.concat(parts, ",")))
end
