<?php

declare(strict_types=1);

namespace CloudPeK8s;

/**
 * The product's module settings (configoption1-7, same order as the seed module) with the
 * customer's configurable options applied on top, under the seed's option names.
 */
final class ProductSettings
{
    public const IP_ASSIGNMENTS = ['IPv4 Only' => 'IPv4', 'IPv6 Only' => 'IPv6', 'Both' => 'DualStack'];
    public const DEFAULT_MIN_VOLUME_GIB = 30;

    /** Configurable option names read for each value, first match wins (seed module names). */
    private const FLAVOR_OPTIONS = ['Server Size', 'Flavor', 'Plan'];
    private const IMAGE_OPTIONS = ['Operating System', 'Image', 'OS'];
    private const DISK_OPTIONS = ['Disk Space', 'Volume Size'];

    public function __construct(
        public readonly string $flavor,
        public readonly string $image,
        public readonly string $network,
        public readonly string $ipMode,
        public readonly string $securityGroup,
        public readonly int $volumeSizeGiB,
        public readonly string $storagePolicy,
    ) {
    }

    /**
     * @param array<string, mixed> $params WHMCS module parameters
     */
    public static function fromParams(array $params): self
    {
        $options = self::configurableOptions($params['configoptions'] ?? []);
        $flavor = self::pick($options, self::FLAVOR_OPTIONS) ?? self::setting($params, 1);
        $image = self::pick($options, self::IMAGE_OPTIONS) ?? self::setting($params, 2);
        $network = self::setting($params, 3);
        $assignment = self::setting($params, 4);
        $ipMode = self::IP_ASSIGNMENTS[$assignment] ?? ($assignment === '' ? 'IPv4' : null);
        if ($ipMode === null) {
            throw new ModuleError('The product setting "IP Assignment" has the unknown value "' . $assignment . '"; choose IPv4 Only, IPv6 Only or Both.');
        }
        $minSetting = self::setting($params, 6);
        $minimum = $minSetting === '' ? self::DEFAULT_MIN_VOLUME_GIB : self::leadingInt($minSetting);
        $disk = self::pick($options, self::DISK_OPTIONS);
        $size = max($minimum ?? self::DEFAULT_MIN_VOLUME_GIB, $disk === null ? 0 : (self::leadingInt($disk) ?? 0));

        foreach (['Flavor' => $flavor, 'Default Image' => $image, 'Network' => $network] as $label => $value) {
            if ($value === '') {
                throw new ModuleError('The product has no ' . $label . ': set it in the product\'s Module Settings.');
            }
        }

        return new self($flavor, $image, $network, $ipMode, self::setting($params, 5), $size, self::setting($params, 7));
    }

    /**
     * WHMCS option names and values may carry a display part after "|"; only the part before it
     * is the value (the WHMCS convention for configurable options).
     *
     * @return array<string, string>
     */
    private static function configurableOptions(mixed $raw): array
    {
        $options = [];
        if (!is_array($raw)) {
            return $options;
        }
        foreach ($raw as $name => $value) {
            if (is_scalar($value)) {
                $options[trim(explode('|', (string) $name)[0])] = trim(explode('|', (string) $value)[0]);
            }
        }
        return $options;
    }

    /**
     * @param array<string, string> $options
     * @param list<string> $names
     */
    private static function pick(array $options, array $names): ?string
    {
        foreach ($names as $name) {
            if (isset($options[$name]) && $options[$name] !== '') {
                return $options[$name];
            }
        }
        return null;
    }

    /** @param array<string, mixed> $params */
    private static function setting(array $params, int $index): string
    {
        return trim(explode('|', (string) ($params['configoption' . $index] ?? ''))[0]);
    }

    private static function leadingInt(string $value): ?int
    {
        return preg_match('/^\s*(\d+)/', $value, $m) ? (int) $m[1] : null;
    }
}
