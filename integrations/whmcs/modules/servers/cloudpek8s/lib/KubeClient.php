<?php

declare(strict_types=1);

namespace CloudPeK8s;

/**
 * A small Kubernetes REST client over ext-curl: JSON in and out, bearer token, TLS trust from the
 * server settings. Every call is handed to the call logger (which masks secrets) and every
 * non-2xx answer becomes a KubeException carrying the Status body.
 */
final class KubeClient
{
    private const TIMEOUT_SECONDS = 20;

    /** @var \Closure(string, string, string, int, string): void */
    private \Closure $log;

    /**
     * @param callable(string $method, string $url, string $requestBody, int $httpCode, string $responseBody): void $log
     */
    public function __construct(private readonly ServerConnection $connection, callable $log)
    {
        $this->log = \Closure::fromCallable($log);
    }

    public function connection(): ServerConnection
    {
        return $this->connection;
    }

    /** @return array<string, mixed> */
    public function get(string $path): array
    {
        return $this->send('GET', $path, null, 'application/json');
    }

    /**
     * @param array<string, mixed> $object
     * @return array<string, mixed>
     */
    public function create(string $collectionPath, array $object): array
    {
        return $this->send('POST', $collectionPath, $object, 'application/json');
    }

    /**
     * JSON merge patch (RFC 7386), the patch type every Kubernetes resource accepts.
     *
     * @param array<string, mixed> $patch
     * @return array<string, mixed>
     */
    public function mergePatch(string $path, array $patch): array
    {
        return $this->send('PATCH', $path, $patch, 'application/merge-patch+json');
    }

    /**
     * JSON patch (RFC 6902); its "test" operation makes a change conditional on the object's content.
     *
     * @param list<array<string, mixed>> $operations
     * @return array<string, mixed>
     */
    public function jsonPatch(string $path, array $operations): array
    {
        return $this->send('PATCH', $path, $operations, 'application/json-patch+json');
    }

    /** @return array<string, mixed> */
    public function delete(string $path): array
    {
        return $this->send('DELETE', $path, null, 'application/json');
    }

    /**
     * @param array<mixed>|null $body
     * @return array<string, mixed>
     */
    private function send(string $method, string $path, ?array $body, string $contentType): array
    {
        $url = $this->connection->baseUrl . $path;
        $payload = $body === null ? '' : (string) json_encode($body, JSON_UNESCAPED_SLASHES);
        $headers = [
            'Accept: application/json',
            'Authorization: Bearer ' . $this->connection->token,
            'User-Agent: whmcs-cloudpek8s/1.0',
        ];
        if ($body !== null) {
            $headers[] = 'Content-Type: ' . $contentType;
        }

        $curl = curl_init($url);
        $options = [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => $headers,
            CURLOPT_CONNECTTIMEOUT => 10,
            CURLOPT_TIMEOUT => self::TIMEOUT_SECONDS,
            CURLOPT_PROTOCOLS => CURLPROTO_HTTP | CURLPROTO_HTTPS,
            CURLOPT_SSL_VERIFYPEER => $this->connection->verifyTls,
            CURLOPT_SSL_VERIFYHOST => $this->connection->verifyTls ? 2 : 0,
        ];
        if ($body !== null) {
            $options[CURLOPT_POSTFIELDS] = $payload;
        }
        if ($this->connection->caFile !== null) {
            $options[CURLOPT_CAINFO] = $this->connection->caFile;
        } elseif ($this->connection->caPem !== null) {
            $options[CURLOPT_CAINFO_BLOB] = $this->connection->caPem;
        }
        curl_setopt_array($curl, $options);

        $response = curl_exec($curl);
        $code = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        $curlError = curl_errno($curl) !== 0 ? curl_error($curl) : '';
        $curlErrno = curl_errno($curl);
        curl_close($curl);

        $text = is_string($response) ? $response : '';
        ($this->log)($method, $url, $payload, $code, $curlError !== '' ? 'curl error ' . $curlErrno . ': ' . $curlError : $text);

        if ($curlError !== '') {
            throw new KubeException(0, ['curlErrno' => $curlErrno], $method, $path, $curlError);
        }
        $decoded = $text === '' ? [] : json_decode($text, true);
        if (!is_array($decoded)) {
            $decoded = [];
        }
        if ($code < 200 || $code > 299) {
            $message = is_string($decoded['message'] ?? null) ? $decoded['message'] : trim(substr($text, 0, 300));
            throw new KubeException($code, $decoded, $method, $path, $message);
        }
        return $decoded;
    }
}
