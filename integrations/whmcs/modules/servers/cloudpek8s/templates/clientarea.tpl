{* CloudPe VM overview: phase, addresses and console link, from the CloudPeVM status. *}
<div class="cloudpek8s-overview">
{if $error}
    <div class="alert alert-danger">{$error|escape}</div>
{elseif !$provisioned}
    <div class="alert alert-info">The server is not provisioned yet.</div>
{else}
    <table class="table table-striped">
        <tr><th>Status</th><td>{$phase|escape}</td></tr>
        <tr><th>Public IPv4</th><td>{if $ipv4}{$ipv4|escape}{else}-{/if}</td></tr>
        <tr><th>Public IPv6</th><td>{if $ipv6}{$ipv6|escape}{else}-{/if}</td></tr>
        <tr><th>Console</th><td>{if $consoleUrl}<a href="{$consoleUrl|escape}" target="_blank" rel="noopener">Open VNC console</a>{else}Press "VNC Console" for a new link{/if}</td></tr>
    </table>
    {if $problem}<div class="alert alert-warning">{$problem|escape}</div>{/if}
{/if}
</div>
