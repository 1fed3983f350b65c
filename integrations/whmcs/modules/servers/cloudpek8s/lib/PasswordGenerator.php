<?php

declare(strict_types=1);

namespace CloudPeK8s;

/**
 * Generates VM passwords that pass common complexity rules (upper, lower, digit, symbol) and
 * avoid look-alike characters, using the CSPRNG.
 */
final class PasswordGenerator
{
    private const SETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#%+-=@^_'];

    public static function generate(int $length = 20): string
    {
        $length = max($length, count(self::SETS));
        $chars = [];
        foreach (self::SETS as $set) {
            $chars[] = $set[random_int(0, strlen($set) - 1)];
        }
        $all = implode('', self::SETS);
        while (count($chars) < $length) {
            $chars[] = $all[random_int(0, strlen($all) - 1)];
        }
        for ($i = count($chars) - 1; $i > 0; $i--) {
            $j = random_int(0, $i);
            [$chars[$i], $chars[$j]] = [$chars[$j], $chars[$i]];
        }
        return implode('', $chars);
    }
}
