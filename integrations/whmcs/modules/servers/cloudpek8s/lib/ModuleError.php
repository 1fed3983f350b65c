<?php

declare(strict_types=1);

namespace CloudPeK8s;

/**
 * An error whose message is already written for a WHMCS admin and safe to show as is.
 */
final class ModuleError extends \RuntimeException
{
}
