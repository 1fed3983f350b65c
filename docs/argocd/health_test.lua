-- Cases for health.lua: lua5.4 health_test.lua health.lua
-- Prints "ok - <case>" or "not ok - <case>: ..." per case (TAP-like); exits 1 when any case fails.
local script = arg[1] or "health.lua"
local chunk = assert(loadfile(script))

local function vm(generation, status, extra)
  local o = { apiVersion = "cloudpe.io/v1alpha1", kind = "CloudPeVM",
              metadata = { name = "web-01", namespace = "tenant-a", generation = generation }, status = status }
  for k, v in pairs(extra or {}) do o.metadata[k] = v end
  return o
end

local function server(generation, status)
  return { apiVersion = "cloudpe.io/v1alpha1", kind = "CloudPeServer",
           metadata = { name = "mumbai", namespace = "tenant-a", generation = generation }, status = status }
end

local function cond(status, reason, message)
  return { type = "Ready", status = status, reason = reason, message = message }
end

local cases = {
  { "new object without status is Progressing", vm(1, nil), "Progressing", "Waiting for the operator" },
  { "server Ready=True is Healthy", server(3, { observedGeneration = 3, conditions = {
      { type = "Authenticated", status = "True", reason = "Authenticated" }, cond("True", "Ready", "Connected") } }),
    "Healthy", "Ready: Connected" },
  { "VM Ready=True and Running is Healthy", vm(2, { observedGeneration = 2, phase = "Running",
      conditions = { cond("True", "Running", "") } }), "Healthy", "Running" },
  { "stopped VM that should be stopped is Healthy", vm(4, { observedGeneration = 4, phase = "Stopped",
      conditions = { cond("True", "Stopped", "VM is stopped as requested") } }), "Healthy", "VM is stopped" },
  { "server Ready=False AuthenticationFailed is Degraded with the reason", server(1, { observedGeneration = 1,
      conditions = { cond("False", "AuthenticationFailed", "The request you have made requires authentication.") } }),
    "Degraded", "AuthenticationFailed: The request you have made" },
  { "server Ready=False CredentialsNotFound is Degraded", server(2, { observedGeneration = 2,
      conditions = { cond("False", "CredentialsNotFound", "Secret tenant-a/mumbai-app-credential not found") } }),
    "Degraded", "CredentialsNotFound" },
  { "VM with a bad flavor in phase Pending is Degraded, not Progressing", vm(1, { observedGeneration = 1, phase = "Pending",
      conditions = { cond("False", "InvalidReference", "flavor \"c1.huge\" not found; close matches: c1.large") } }),
    "Degraded", "InvalidReference" },
  { "VM Ready=False Provisioning is Progressing", vm(1, { observedGeneration = 1, phase = "Provisioning",
      conditions = { cond("False", "Provisioning", "Nova task_state spawning") } }), "Progressing", "Provisioning" },
  { "VM resizing without a reason is Progressing", vm(5, { observedGeneration = 5, phase = "Resizing",
      conditions = { cond("False", nil, nil) } }), "Progressing", "Not ready" },
  { "Ready=Unknown is Progressing", server(1, { observedGeneration = 1,
      conditions = { cond("Unknown", "Reconciling", "") } }), "Progressing", "Reconciling" },
  { "status of an older generation is Progressing even when Ready=True", vm(3, { observedGeneration = 2,
      phase = "Running", conditions = { cond("True", "Running", "") } }), "Progressing", "observe generation 3" },
  { "missing observedGeneration is Progressing", vm(1, { phase = "Running",
      conditions = { cond("True", "Running", "") } }), "Progressing", "observe generation 1" },
  { "status without a Ready condition is Progressing", vm(1, { observedGeneration = 1, phase = "Pending" }),
    "Progressing", "Waiting for the Ready condition" },
  { "VM phase Failed is Degraded with Nova's fault", vm(1, { observedGeneration = 1, phase = "Failed",
      conditions = { cond("False", "ServerError", "No valid host was found.") } }), "Degraded", "No valid host was found." },
  { "object being deleted is Progressing", vm(2, { observedGeneration = 2, phase = "Deleting",
      conditions = { cond("False", "Deleting", "waiting for Nova to delete the server") } },
      { deletionTimestamp = "2026-11-29T10:00:00Z" }), "Progressing", "Deleting" },
}

local failed = 0
for _, case in ipairs(cases) do
  local name, input, wantStatus, wantMessage = case[1], case[2], case[3], case[4]
  obj = input -- Argo CD hands the object to the script as the global "obj"
  local ok, hs = pcall(chunk)
  if not ok then
    failed = failed + 1
    print("not ok - " .. name .. ": script error: " .. tostring(hs))
  elseif hs.status ~= wantStatus or string.find(hs.message or "", wantMessage, 1, true) == nil then
    failed = failed + 1
    print(string.format("not ok - %s: got %s %q, want %s containing %q", name, tostring(hs.status),
      tostring(hs.message), wantStatus, wantMessage))
  else
    print("ok - " .. name)
  end
end
print(string.format("%d cases, %d failed", #cases, failed))
if failed > 0 then os.exit(1) end
