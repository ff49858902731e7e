-- wrk script: PNG QR codes of 200 links (qr0..qr199) at random size steps, so most requests miss the cache
-- and the worker draws without pause (the worst case for the instance that also serves redirects).
local sizes = { 64, 128, 256, 512, 1024 }
math.randomseed(os.time())
request = function()
  local path = string.format("/qr%d/qr?format=png&size=%d", math.random(0, 199), sizes[math.random(1, 5)])
  return wrk.format("GET", path)
end
