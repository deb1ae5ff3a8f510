-- wrk script: cycles through pages of the benchmark site, half of them conditional (If-None-Match),
-- and counts the status codes it gets back.
local paths = {
  "/", "/articles/", "/articles/page/2/", "/authors/", "/companies/", "/tags/", "/sources/",
  "/cohorts/bench/", "/authors/author-007/", "/companies/company-003/", "/assets/style.css",
  "/articles/article-00042/", "/articles/article-00043/", "/articles/article-01000/",
  "/articles/article-09999/", "/tags/topic-001/", "/data/roster.json", "/feed.xml", "/sitemap.xml",
}
local etags = {}
local counter = 0
statuses = {}
local last_path = nil

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  last_path = path
  local headers = {}
  if counter % 2 == 0 and etags[path] then headers["If-None-Match"] = etags[path] end
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if headers["ETag"] and last_path then etags[last_path] = headers["ETag"] end
end

function setup(thread)
  thread:set("id", tostring(thread))
  table.insert(threads, thread)
end

threads = {}

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, count in pairs(counts) do totals[status] = (totals[status] or 0) + count end
  end
  for status, count in pairs(totals) do io.write(string.format("status %d: %d\n", status, count)) end
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
