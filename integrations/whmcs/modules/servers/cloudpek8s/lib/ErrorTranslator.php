<?php

declare(strict_types=1);

namespace CloudPeK8s;

/**
 * Turns failures into one-line messages a WHMCS admin can act on, naming the object and what to
 * change. The result is always masked: Kubernetes messages can echo request content.
 */
final class ErrorTranslator
{
    public function __construct(private readonly Masker $masker, private readonly string $namespace = '')
    {
    }

    public function translate(\Throwable $error): string
    {
        $text = match (true) {
            $error instanceof ModuleError => $error->getMessage(),
            $error instanceof KubeException => $this->fromKube($error),
            default => 'Unexpected module error: ' . $error->getMessage(),
        };
        return $this->masker->mask($text);
    }

    private function fromKube(KubeException $e): string
    {
        $message = trim($e->getMessage());
        $details = is_array($e->status['details'] ?? null) ? $e->status['details'] : [];
        $object = $this->objectName($e, $details);
        $ns = $this->namespace !== '' ? ' in namespace "' . $this->namespace . '"' : '';

        return match (true) {
            $e->httpCode === 0 => 'Cannot reach the Kubernetes API (' . $message . '). '
                . (self::isTlsError($e)
                    ? 'TLS verification failed: add the cluster CA to the server Access Hash (a "cafile=" line or the PEM), or untick Secure for testing only.'
                    : 'Check the server Hostname (API server URL) and that WHMCS can reach it.'),
            $e->httpCode === 401 => 'The Kubernetes API rejected the token (401 Unauthorized): put a valid ServiceAccount token in the server Password field.',
            $e->httpCode === 403 => 'Permission denied' . $ns . ': the ServiceAccount token may not ' . self::verb($e->method) . ' ' . $object
                . '. Bind the Role from integrations/whmcs/rbac.yaml to the token\'s ServiceAccount. (Kubernetes: ' . $message . ')',
            $e->httpCode === 404 && !CloudPeApi::isObjectNotFound($e) => 'The Kubernetes API does not know ' . $object
                . ': install the CloudPe operator\'s CRDs (config/crd) in the cluster. (Kubernetes: ' . $message . ')',
            $e->httpCode === 404 && self::kindOf($details) === 'cloudpeservers' => 'The CloudPeServer "' . ($details['name'] ?? '') . '" does not exist' . $ns
                . ': fix the server Access Hash (namespace/cloudpeserver) or create the CloudPeServer.',
            $e->httpCode === 404 => ucfirst($object) . ' does not exist' . $ns . ' (deleted outside WHMCS?). Run Create again to recreate it, or Terminate to clean up.',
            $e->isAlreadyExists() => ucfirst($object) . ' already exists' . $ns . ' and belongs to something else: delete or rename it.',
            $e->httpCode === 409 => ucfirst($object) . ' was changed by someone else at the same time: retry the action.',
            $e->httpCode === 422 => 'Kubernetes rejected ' . $object . ': ' . self::causes($details, $message),
            $e->httpCode === 429 || $e->httpCode >= 500 => 'The Kubernetes API is unavailable (' . $e->httpCode . ' ' . ($e->reason() ?: 'error') . '): retry later. (Kubernetes: ' . $message . ')',
            default => 'The Kubernetes API answered ' . $e->httpCode . ' ' . $e->reason() . ' to ' . $e->method . ' ' . $e->path . ': ' . $message,
        };
    }

    /** @param array<string, mixed> $details */
    private function objectName(KubeException $e, array $details): string
    {
        $kind = self::kindOf($details);
        $name = is_string($details['name'] ?? null) ? $details['name'] : '';
        if ($kind === '') {
            // Fall back to the request path: .../namespaces/{ns}/{plural}[/{name}]
            $segments = explode('/', trim($e->path, '/'));
            $at = array_search('namespaces', $segments, true);
            $kind = $at === false ? 'the resource' : (string) ($segments[$at + 2] ?? 'the resource');
            $name = $name !== '' ? $name : (string) ($at === false ? '' : ($segments[$at + 3] ?? ''));
        }
        $label = match ($kind) {
            'cloudpevms', 'cloudpevm' => 'the CloudPeVM',
            'cloudpeservers', 'cloudpeserver' => 'the CloudPeServer',
            'secrets', 'secret' => 'the Secret',
            default => 'the ' . $kind,
        };
        return $name !== '' ? $label . ' "' . rawurldecode($name) . '"' : $label . ' resource';
    }

    /** @param array<string, mixed> $details */
    private static function kindOf(array $details): string
    {
        return strtolower(is_string($details['kind'] ?? null) ? $details['kind'] : '');
    }

    /** @param array<string, mixed> $details */
    private static function causes(array $details, string $message): string
    {
        $causes = is_array($details['causes'] ?? null) ? $details['causes'] : [];
        $lines = [];
        foreach ($causes as $cause) {
            if (is_array($cause)) {
                $field = is_string($cause['field'] ?? null) ? $cause['field'] : '';
                $text = is_string($cause['message'] ?? null) ? $cause['message'] : '';
                $lines[] = trim(($field !== '' ? $field . ': ' : '') . $text);
            }
        }
        $lines = array_filter($lines, static fn (string $l): bool => $l !== '');
        return ($lines !== [] ? implode('; ', $lines) : $message) . '. Fix the product or configurable option that sets this field.';
    }

    private static function verb(string $method): string
    {
        return match ($method) {
            'GET' => 'read',
            'POST' => 'create',
            'PATCH', 'PUT' => 'change',
            'DELETE' => 'delete',
            default => strtolower($method),
        };
    }

    private static function isTlsError(KubeException $e): bool
    {
        // CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT(_BADFILE)
        return in_array((int) ($e->status['curlErrno'] ?? 0), [35, 51, 58, 60, 77, 83], true);
    }
}
