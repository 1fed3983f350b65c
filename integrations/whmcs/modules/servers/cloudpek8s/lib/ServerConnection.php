<?php

declare(strict_types=1);

namespace CloudPeK8s;

/**
 * Where and how to reach the Kubernetes API, read from the WHMCS server settings:
 * Hostname = API server URL, Password = ServiceAccount token, Secure = verify TLS,
 * Access Hash = "namespace/cloudpeserver" on its first line, optionally followed by either a line
 * "cafile=/path/to/ca.crt" or a pasted PEM bundle of the cluster CA.
 */
final class ServerConnection
{
    private const DNS_LABEL = '/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/';
    private const DNS_SUBDOMAIN = '/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/';

    public function __construct(
        public readonly string $baseUrl,
        public readonly string $token,
        public readonly string $namespace,
        public readonly string $serverName,
        public readonly bool $verifyTls,
        public readonly ?string $caPem = null,
        public readonly ?string $caFile = null,
    ) {
    }

    /**
     * @param array<string, mixed> $params WHMCS module parameters
     */
    public static function fromParams(array $params): self
    {
        $host = trim((string) ($params['serverhostname'] ?? ''));
        if ($host === '') {
            $host = trim((string) ($params['serverip'] ?? ''));
        }
        if ($host === '') {
            throw new ModuleError('The server has no Hostname: enter the Kubernetes API server URL, e.g. https://k8s.example.com:6443.');
        }
        if (!preg_match('#^https?://#i', $host)) {
            $host = 'https://' . $host;
            $port = (int) ($params['serverport'] ?? 0);
            if ($port > 0 && !preg_match('#^https://(\[[^\]]+\]|[^/:]+):\d+#', $host)) {
                $host .= ':' . $port;
            }
        }
        $token = trim((string) ($params['serverpassword'] ?? ''));
        if ($token === '') {
            throw new ModuleError('The server has no Password: paste the ServiceAccount token there.');
        }

        $lines = preg_split('/\r\n|\r|\n/', trim((string) ($params['serveraccesshash'] ?? ''))) ?: [];
        $target = trim((string) array_shift($lines));
        $parts = explode('/', $target);
        if (count($parts) !== 2 || !preg_match(self::DNS_LABEL, $parts[0]) || !preg_match(self::DNS_SUBDOMAIN, $parts[1])) {
            throw new ModuleError('The server Access Hash must start with "namespace/cloudpeserver" (e.g. tenant-a/mumbai); found "' . $target . '".');
        }

        $rest = trim(implode("\n", $lines));
        $caPem = null;
        $caFile = null;
        if (str_starts_with($rest, 'cafile=')) {
            $caFile = trim(substr($rest, strlen('cafile=')));
            if (!is_readable($caFile)) {
                throw new ModuleError('The CA file "' . $caFile . '" named in the Access Hash cannot be read by WHMCS.');
            }
        } elseif (str_contains($rest, '-----BEGIN CERTIFICATE-----')) {
            $caPem = $rest;
        } elseif ($rest !== '') {
            throw new ModuleError('After "namespace/cloudpeserver" the Access Hash may hold only a line "cafile=/path/to/ca.crt" or a PEM certificate bundle.');
        }

        return new self(
            rtrim($host, '/'),
            $token,
            $parts[0],
            $parts[1],
            self::isOn($params['serversecure'] ?? true),
            $caPem,
            $caFile,
        );
    }

    private static function isOn(mixed $value): bool
    {
        if (is_bool($value)) {
            return $value;
        }
        return in_array(strtolower(trim((string) $value)), ['1', 'on', 'yes', 'true'], true);
    }
}
