<?php

declare(strict_types=1);

namespace CloudPeK8s;

/**
 * Dropdown entries for the product settings, read from the CloudPeServer's status.inventory.
 * Values are names (the CloudPeVM accepts a name or an ID; names survive re-creation in the cloud).
 */
final class Inventory
{
    /**
     * @param array<string, mixed> $server the CloudPeServer
     * @return array<string, string> value => label
     */
    public static function options(array $server, string $list): array
    {
        $inventory = $server['status']['inventory'] ?? null;
        $items = is_array($inventory) ? ($inventory[$list] ?? null) : null;
        if (!is_array($items) || $items === []) {
            $name = (string) ($server['metadata']['name'] ?? '');
            throw new ModuleError('The CloudPeServer "' . $name . '" has no ' . $list . ' in status.inventory yet'
                . self::readiness($server) . '. Check that the operator runs and the CloudPeServer is Ready.');
        }
        $options = [];
        foreach ($items as $item) {
            if (!is_array($item)) {
                continue;
            }
            $value = (string) ($item['name'] ?? '') !== '' ? (string) $item['name'] : (string) ($item['id'] ?? '');
            if ($value !== '') {
                $options[$value] = $value . self::describe($list, $item);
            }
        }
        return $options;
    }

    /** @param array<string, mixed> $item */
    private static function describe(string $list, array $item): string
    {
        return match ($list) {
            'flavors' => sprintf(' (%d vCPU, %s GiB RAM, %d GiB disk)', (int) ($item['vcpus'] ?? 0), rtrim(rtrim(number_format(((int) ($item['ramMiB'] ?? 0)) / 1024, 1), '0'), '.'), (int) ($item['diskGiB'] ?? 0)),
            'images' => isset($item['minDiskGiB']) && (int) $item['minDiskGiB'] > 0 ? ' (min ' . (int) $item['minDiskGiB'] . ' GiB)' : '',
            'networks' => is_array($item['ipVersions'] ?? null) && $item['ipVersions'] !== [] ? ' (IPv' . implode('/IPv', array_map('intval', $item['ipVersions'])) . ')' : '',
            default => '',
        };
    }

    /** @param array<string, mixed> $server */
    private static function readiness(array $server): string
    {
        foreach ((array) ($server['status']['conditions'] ?? []) as $c) {
            if (is_array($c) && ($c['type'] ?? '') === 'Ready' && ($c['status'] ?? '') !== 'True') {
                return ' (Ready=' . ($c['status'] ?? '') . ' ' . ($c['reason'] ?? '') . ': ' . ($c['message'] ?? '') . ')';
            }
        }
        return '';
    }
}
