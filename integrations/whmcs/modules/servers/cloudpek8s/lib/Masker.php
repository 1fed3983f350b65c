<?php

declare(strict_types=1);

namespace CloudPeK8s;

/**
 * Removes secrets (the ServiceAccount token, service passwords) from anything that is logged or
 * shown: the plain value, its base64 form (Secret data) and its JSON-escaped form, plus the values
 * of keys that always hold secrets.
 */
final class Masker
{
    public const MASK = '********';

    /** Keys whose values are secret wherever they appear in a logged JSON body. */
    private const SECRET_KEYS = ['password', 'token', 'authorization', 'data', 'stringdata'];

    /** @var list<string> */
    private array $secrets = [];

    /**
     * @param iterable<mixed> $secrets
     */
    public function __construct(iterable $secrets = [])
    {
        foreach ($secrets as $secret) {
            $this->add($secret);
        }
    }

    public function add(mixed $secret): void
    {
        // Very short values would mask ordinary text; WHMCS never issues passwords that short.
        if (!is_string($secret) || strlen($secret) < 4) {
            return;
        }
        foreach (self::forms($secret) as $form) {
            if ($form !== '' && !in_array($form, $this->secrets, true)) {
                $this->secrets[] = $form;
            }
        }
        // Longest first so a secret that contains another is removed whole.
        usort($this->secrets, static fn (string $a, string $b): int => strlen($b) <=> strlen($a));
    }

    /**
     * The ways a secret can appear in a logged body: plain, base64 (Secret data) and JSON-escaped
     * as PHP writes it (with and without escaped slashes) and as Go writes it (\u003c for <).
     *
     * @return list<string>
     */
    private static function forms(string $secret): array
    {
        $unescaped = substr((string) json_encode($secret, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), 1, -1);
        return [
            $secret,
            base64_encode($secret),
            substr((string) json_encode($secret), 1, -1),
            $unescaped,
            strtr($unescaped, ['<' => '\u003c', '>' => '\u003e', '&' => '\u0026']),
        ];
    }

    /** @return list<string> the plain secrets, for logModuleCall's own replacement list */
    public function secrets(): array
    {
        return $this->secrets;
    }

    public function mask(string $text): string
    {
        return $this->secrets === [] ? $text : str_replace($this->secrets, self::MASK, $text);
    }

    /**
     * Masks a decoded JSON value: secret keys lose their values, every string loses known secrets.
     */
    public function maskValue(mixed $value): mixed
    {
        if (is_string($value)) {
            return $this->mask($value);
        }
        if (!is_array($value)) {
            return $value;
        }
        $out = [];
        foreach ($value as $key => $item) {
            $out[$key] = is_string($key) && in_array(strtolower($key), self::SECRET_KEYS, true) && $item !== [] && $item !== null
                ? self::redactAll($item)
                : $this->maskValue($item);
        }
        return $out;
    }

    /** Masks a body that may be JSON; non-JSON text is masked as text. */
    public function maskBody(string $body): string
    {
        $decoded = json_decode($body, true);
        if (!is_array($decoded)) {
            return $this->mask($body);
        }
        return $this->mask((string) json_encode($this->maskValue($decoded), JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT));
    }

    private static function redactAll(mixed $value): mixed
    {
        if (!is_array($value)) {
            return self::MASK;
        }
        return array_map(static fn (mixed $v): mixed => self::redactAll($v), $value);
    }
}
