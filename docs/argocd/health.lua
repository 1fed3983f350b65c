-- Argo CD health for cloudpe.io CloudPeServer and CloudPeVM (one script serves both kinds).
-- Same rules as kstatus: a status written for an older generation says nothing about the current
-- spec, so it is Progressing; then the Ready condition decides. Runs on Argo CD's Lua 5.1.
local hs = { status = "Progressing", message = "Waiting for the operator to report status" }

-- Ready=False reasons that mean "working on it"; any other reason needs a human (Degraded).
local progressingReasons = {
  Pending = true, Provisioning = true, Building = true, Progressing = true, Reconciling = true,
  Creating = true, Resizing = true, Deleting = true, Waiting = true, WaitingForServer = true,
  ServerNotReady = true, PowerTransition = true, Starting = true, Stopping = true,
  Suspending = true, Resuming = true, Rebooting = true, InProgress = true,
}
-- VM phases that are transitions; they decide only when Ready=False carries no reason.
local transitionalPhases = { Pending = true, Provisioning = true, Resizing = true, Deleting = true }

local function describe(condition, fallback)
  local reason = condition.reason
  local message = condition.message
  if reason ~= nil and reason ~= "" and message ~= nil and message ~= "" then
    return reason .. ": " .. message
  end
  if message ~= nil and message ~= "" then return message end
  if reason ~= nil and reason ~= "" then return reason end
  return fallback
end

local status = obj.status

local function findReady()
  if status == nil or status.conditions == nil then return nil end
  for _, condition in ipairs(status.conditions) do
    if condition.type == "Ready" then return condition end
  end
  return nil
end

local ready = findReady()

if obj.metadata ~= nil and obj.metadata.deletionTimestamp ~= nil then
  hs.message = "Deleting"
  if ready ~= nil and ready.status ~= "True" then hs.message = describe(ready, "Deleting") end
  return hs
end

if status == nil then
  return hs
end

local generation = obj.metadata and obj.metadata.generation
if generation ~= nil and (status.observedGeneration == nil or status.observedGeneration < generation) then
  hs.message = string.format("Waiting for the operator to observe generation %d", generation)
  return hs
end

if obj.kind == "CloudPeVM" and status.phase == "Failed" then
  hs.status = "Degraded"
  hs.message = (ready ~= nil and describe(ready, nil)) or "VM failed"
  return hs
end

if ready == nil then
  hs.message = "Waiting for the Ready condition"
  return hs
end

if ready.status == "True" then
  hs.status = "Healthy"
  hs.message = describe(ready, "Ready")
elseif ready.status == "False" then
  local noReason = ready.reason == nil or ready.reason == ""
  local transitional = obj.kind == "CloudPeVM" and status.phase ~= nil and transitionalPhases[status.phase]
  if (noReason and transitional) or (not noReason and progressingReasons[ready.reason]) then
    hs.status = "Progressing"
  else
    hs.status = "Degraded"
  end
  hs.message = describe(ready, "Not ready")
else
  hs.message = describe(ready, "Readiness unknown")
end
return hs
