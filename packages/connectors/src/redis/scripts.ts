/**
 * Lua scripts of the Redis connector. Each runs a whole batch of keys in one round trip,
 * atomically, and dispatches on the key's type on the server (hash, string, set), which a
 * plain pipeline cannot do without a round trip to learn the types first.
 */

/** KEYS: keys. Returns per key `{type, items}`: hash field/value pairs, the string, or set members. */
export const FETCH = `
local out = {}
for i, key in ipairs(KEYS) do
  local kind = redis.call('TYPE', key)['ok']
  if kind == 'hash' then out[i] = {kind, redis.call('HGETALL', key)}
  elseif kind == 'string' then out[i] = {kind, {redis.call('GET', key)}}
  elseif kind == 'set' then out[i] = {kind, redis.call('SMEMBERS', key)}
  else out[i] = {kind, {}} end
end
return out`;

/**
 * KEYS: keys; ARGV: field, '1' when the field is the value of string and set keys, then
 * the wanted values. Returns the keys whose field holds one of the values.
 */
export const MATCH = `
local field, isValue = ARGV[1], ARGV[2] == '1'
local wanted = {}
for i = 3, #ARGV do wanted[ARGV[i]] = true end
local out = {}
for _, key in ipairs(KEYS) do
  local kind = redis.call('TYPE', key)['ok']
  local hit = false
  if kind == 'hash' then
    local v = redis.call('HGET', key, field)
    hit = v and wanted[v] or false
  elseif kind == 'string' and isValue then
    local v = redis.call('GET', key)
    hit = v and wanted[v] or false
  elseif kind == 'set' and isValue then
    for v in pairs(wanted) do
      if redis.call('SISMEMBER', key, v) == 1 then hit = true break end
    end
  end
  if hit then out[#out + 1] = key end
end
return out`;

/** KEYS: keys; ARGV: field, '1' when it is the value of string and set keys. Returns the field per key (false when absent). */
export const PICK = `
local field, isValue = ARGV[1], ARGV[2] == '1'
local out = {}
for i, key in ipairs(KEYS) do
  local kind = redis.call('TYPE', key)['ok']
  local v = false
  if kind == 'hash' then v = redis.call('HGET', key, field)
  elseif kind == 'string' and isValue then v = redis.call('GET', key) end
  out[i] = v
end
return out`;

/**
 * KEYS: keys; ARGV: the value field of string and set keys, then one JSON operation per
 * key: \`{ del?, unset?: [field], set?: {field: value}, members?: [member] }\`. Hash fields
 * are deleted or set; a string or set key whose value is unset is deleted; a string keeps
 * its TTL when replaced, a set keeps it when its members are replaced. Returns how many
 * keys changed: writing a value a key already holds changes nothing.
 */
export const APPLY = `
local valueField = ARGV[1]
local changed = 0
for i, key in ipairs(KEYS) do
  local op = cjson.decode(ARGV[i + 1])
  local kind = redis.call('TYPE', key)['ok']
  local touched = false
  local unsetValue = false
  if type(op.unset) == 'table' then
    for _, f in ipairs(op.unset) do if f == valueField then unsetValue = true end end
  end
  if kind == 'none' then
  elseif op.del then
    redis.call('DEL', key)
    touched = true
  elseif kind == 'hash' then
    if type(op.unset) == 'table' then
      for _, f in ipairs(op.unset) do
        if redis.call('HDEL', key, f) == 1 then touched = true end
      end
    end
    if type(op.set) == 'table' then
      for f, v in pairs(op.set) do
        if redis.call('HGET', key, f) ~= v then redis.call('HSET', key, f, v) touched = true end
      end
    end
  elseif unsetValue then
    redis.call('DEL', key)
    touched = true
  elseif kind == 'string' and type(op.set) == 'table' and op.set[valueField] then
    local v = op.set[valueField]
    if redis.call('GET', key) ~= v then redis.call('SET', key, v, 'KEEPTTL') touched = true end
  elseif kind == 'set' and type(op.members) == 'table' then
    local ttl = redis.call('PTTL', key)
    redis.call('DEL', key)
    for j = 1, #op.members, 1000 do
      redis.call('SADD', key, unpack(op.members, j, math.min(j + 999, #op.members)))
    end
    if ttl > 0 then redis.call('PEXPIRE', key, ttl) end
    touched = true
  end
  if touched then changed = changed + 1 end
end
return changed`;

/**
 * KEYS: keys to delete; ARGV: the number of index sets n, then per set its field, '1' when the
 * field is the value of string keys, and the set key's text before and after the value (with
 * the prefix), then per key three set members naming it (key, prefixed key, id). Takes each
 * key out of the sets its field values name and deletes it, atomically, so an index never
 * lists a key the erasure removed. Returns how many keys were deleted.
 */
export const UNINDEX_DEL = `
local n = tonumber(ARGV[1])
local sets = {}
for i = 0, n - 1 do
  sets[#sets + 1] = {ARGV[2 + i * 4], ARGV[3 + i * 4] == '1', ARGV[4 + i * 4], ARGV[5 + i * 4]}
end
local base = 2 + n * 4
local deleted = 0
for k, key in ipairs(KEYS) do
  local kind = redis.call('TYPE', key)['ok']
  for _, set in ipairs(sets) do
    local v = false
    if kind == 'hash' then v = redis.call('HGET', key, set[1])
    elseif kind == 'string' and set[2] then v = redis.call('GET', key) end
    if v and v ~= '' then
      local m = base + (k - 1) * 3
      redis.call('SREM', set[3] .. v .. set[4], ARGV[m], ARGV[m + 1], ARGV[m + 2])
    end
  end
  deleted = deleted + redis.call('DEL', key)
end
return deleted`;
