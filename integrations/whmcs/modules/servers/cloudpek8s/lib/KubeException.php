<?php

declare(strict_types=1);

namespace CloudPeK8s;

/**
 * A failed call to the Kubernetes API: the HTTP code (0 when no answer arrived) and the decoded
 * Status body, kept raw so ErrorTranslator can turn it into an actionable message.
 */
final class KubeException extends \RuntimeException
{
    /**
     * @param array<string, mixed> $status decoded Kubernetes Status body, empty when none
     */
    public function __construct(
        public readonly int $httpCode,
        public readonly array $status,
        public readonly string $method,
        public readonly string $path,
        string $message,
    ) {
        parent::__construct($message, $httpCode);
    }

    /** The Kubernetes Status reason (NotFound, AlreadyExists, Conflict, Invalid, Forbidden, ...). */
    public function reason(): string
    {
        return is_string($this->status['reason'] ?? null) ? $this->status['reason'] : '';
    }

    public function isNotFound(): bool
    {
        return $this->httpCode === 404;
    }

    public function isAlreadyExists(): bool
    {
        return $this->httpCode === 409 && $this->reason() === 'AlreadyExists';
    }
}
