//! Hard-coded values checked against node v20 (no node needed to run).
use jolt::runtime::math as m;
use jolt::runtime::numconv as nc;
use jolt::runtime::strutil as su;

fn u(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

fn is_neg_zero(x: f64) -> bool {
    x == 0.0 && x.is_sign_negative()
}

#[test]
fn number_to_string_spots() {
    let cases: &[(f64, &str)] = &[
        (1e21, "1e+21"),
        (1e-7, "1e-7"),
        (1.5e-7, "1.5e-7"),
        (0.000001, "0.000001"),
        (123e18, "123000000000000000000"),
        (9007199254740994.0, "9007199254740994"),
        (-1e-7, "-1e-7"),
        (5e-324, "5e-324"),
        (f64::MAX, "1.7976931348623157e+308"),
        (0.1 + 0.2, "0.30000000000000004"),
        (-0.0, "0"),
        (100.0, "100"),
        (1.0 / 3.0, "0.3333333333333333"),
        (f64::NAN, "NaN"),
        (f64::INFINITY, "Infinity"),
        (f64::NEG_INFINITY, "-Infinity"),
    ];
    for &(x, want) in cases {
        assert_eq!(nc::number_to_string(x), want, "String({x:e})");
    }
}

#[test]
fn radix_spots() {
    let cases: &[(f64, u32, &str)] = &[
        (
            0.1,
            2,
            "0.0001100110011001100110011001100110011001100110011001101",
        ),
        (255.5, 16, "ff.8"),
        (-3.75, 3, "-10.20202020202020202020202020202021"),
        (1e21, 36, "5v1j4f4ds7c000"),
        (1152921504606846976.0, 7, "2031000661631341064200"),
        (0.5, 36, "0.i"),
        (-255.0, 2, "-11111111"),
        (
            1e-7,
            2,
            "0.0000000000000000000000011010110101111111001010011010101111001010111101001",
        ),
        (std::f64::consts::PI, 36, "3.53i5ab8p5f"),
        (-0.0, 2, "0"),
        (1.1, 3, "1.002200220022002200220022002200221"),
        (f64::NAN, 16, "NaN"),
        (f64::NEG_INFINITY, 16, "-Infinity"),
    ];
    for &(x, r, want) in cases {
        assert_eq!(
            nc::number_to_string_radix(x, r),
            want,
            "({x:e}).toString({r})"
        );
    }
    assert_eq!(nc::number_to_string_radix(5e-324, 2).len(), 1076);
}

#[test]
fn to_fixed_spots() {
    let cases: &[(f64, u32, &str)] = &[
        (1.005, 2, "1.00"),
        (1.45, 1, "1.4"),
        (0.5, 0, "1"),
        (2.5, 0, "3"),
        (-1.5, 0, "-2"),
        (-0.0, 2, "0.00"),
        (-1e-7, 2, "-0.00"),
        (1e21, 2, "1e+21"),
        (123.456, 10, "123.4560000000"),
        (0.000001, 7, "0.0000010"),
        (1.255, 2, "1.25"),
        (999.995, 2, "1000.00"),
        (f64::NAN, 2, "NaN"),
        (1e20, 2, "100000000000000000000.00"),
        (0.0, 0, "0"),
        (123.456, 100, "123.4560000000000030695446184836328029632568359375000000000000000000000000000000000000000000000000000000"),
    ];
    for &(x, d, want) in cases {
        assert_eq!(nc::to_fixed(x, d), want, "({x:e}).toFixed({d})");
    }
    assert_eq!(nc::to_fixed(5e-324, 100), format!("0.{}", "0".repeat(100)));
}

#[test]
fn string_to_number_spots() {
    let cases: &[(&str, f64)] = &[
        ("  12  ", 12.0),
        ("", 0.0),
        (" \u{3000}\u{feff}\u{2028}\t", 0.0),
        ("0x1F", 31.0),
        ("0b101", 5.0),
        ("0o17", 15.0),
        (".5", 0.5),
        ("5.", 5.0),
        ("+.5e-3", 0.0005),
        ("-Infinity", f64::NEG_INFINITY),
        ("+Infinity", f64::INFINITY),
        ("0x20000000000001", 9007199254740992.0),
        ("0x20000000000003", 9007199254740996.0),
        ("9007199254740993", 9007199254740992.0),
        ("1e400", f64::INFINITY),
    ];
    for &(s, want) in cases {
        assert_eq!(nc::string_to_number(&u(s)), want, "Number({s:?})");
    }
    for s in [
        "-0x1F",
        "1_000",
        ".",
        "infinity",
        "1e",
        "0x",
        "\u{180e}1",
        "12px",
        "0x1g",
        "--1",
    ] {
        assert!(
            nc::string_to_number(&u(s)).is_nan(),
            "Number({s:?}) should be NaN"
        );
    }
    assert!(is_neg_zero(nc::string_to_number(&u("-0"))));
    let huge_hex = format!("0x{}", "f".repeat(300));
    assert_eq!(nc::string_to_number(&u(&huge_hex)), f64::INFINITY);
    let ones = format!("0b{}", "1".repeat(1100));
    assert_eq!(nc::string_to_number(&u(&ones)), f64::INFINITY);
}

#[test]
fn parse_int_spots() {
    let cases: &[(&str, Option<i32>, f64)] = &[
        ("0x1f", None, 31.0),
        ("  -12px", None, -12.0),
        ("1e3", None, 1.0),
        ("123", Some(0), 123.0),
        ("ff", Some(16), 255.0),
        ("z", Some(36), 35.0),
        ("0b11", None, 0.0),
        (
            "123456789012345678901234567890",
            None,
            1.2345678901234568e29,
        ),
        ("zzzzzzzzzzzzzzzzzz", Some(36), 1.0314424798490537e28),
        ("0x1f", Some(16), 31.0),
        ("0x1f", Some(10), 0.0),
        ("11", Some(2), 3.0),
    ];
    for &(s, r, want) in cases {
        assert_eq!(nc::parse_int(&u(s), r), want, "parseInt({s:?}, {r:?})");
    }
    for (s, r) in [
        ("123", Some(37)),
        ("0x", None),
        ("12", Some(1)),
        ("", None),
        ("-", None),
    ] {
        assert!(
            nc::parse_int(&u(s), r).is_nan(),
            "parseInt({s:?}, {r:?}) should be NaN"
        );
    }
    assert!(is_neg_zero(nc::parse_int(&u("-0"), None)));
    assert_eq!(nc::parse_int(&u(&"f".repeat(300)), Some(16)), f64::INFINITY);
    assert_eq!(nc::parse_int(&u(&"9".repeat(400)), None), f64::INFINITY);
    assert_eq!(nc::parse_int(&u(&"z".repeat(300)), Some(36)), f64::INFINITY);
}

#[test]
#[allow(clippy::approx_constant)] // 3.14 is the literal under test
fn parse_float_spots() {
    let cases: &[(&str, f64)] = &[
        ("3.14abc", 3.14),
        ("-.5e-3x", -0.0005),
        ("Infinityx", f64::INFINITY),
        ("1e1000", f64::INFINITY),
        ("1e", 1.0),
        ("0x10", 0.0),
        ("  +1.5e+2xyz", 150.0),
        ("-Infinity", f64::NEG_INFINITY),
    ];
    for &(s, want) in cases {
        assert_eq!(nc::parse_float(&u(s)), want, "parseFloat({s:?})");
    }
    for s in [".e1", "infinity", "", "abc", "+-1"] {
        assert!(
            nc::parse_float(&u(s)).is_nan(),
            "parseFloat({s:?}) should be NaN"
        );
    }
    assert!(is_neg_zero(nc::parse_float(&u("-0"))));
}

#[test]
fn integer_conversion_spots() {
    assert_eq!(nc::to_int32(1e21), -559939584);
    assert_eq!(nc::to_int32(4294967296.5), 0);
    assert_eq!(nc::to_int32(-1.5), -1);
    assert_eq!(nc::to_int32(2147483648.0), -2147483648);
    assert_eq!(nc::to_uint32(-1.0), 4294967295);
    assert_eq!(nc::to_int32(9007199254740994.0), 2);
    assert_eq!(nc::to_uint32(-(2f64.powi(64)) - 4096.0), 4294963200);
    assert_eq!(nc::to_int32(f64::NAN), 0);
    assert_eq!(nc::to_int32(f64::INFINITY), 0);
    assert_eq!(nc::to_integer_or_infinity(-0.5).to_bits(), 0.0f64.to_bits());
    assert_eq!(nc::to_integer_or_infinity(f64::NAN), 0.0);
    assert_eq!(nc::to_integer_or_infinity(-2.7), -2.0);
    assert_eq!(
        nc::to_integer_or_infinity(f64::NEG_INFINITY),
        f64::NEG_INFINITY
    );
    assert_eq!(nc::double_to_i32_exact(5.0), Some(5));
    assert_eq!(nc::double_to_i32_exact(-2147483648.0), Some(i32::MIN));
    assert_eq!(nc::double_to_i32_exact(2147483648.0), None);
    assert_eq!(nc::double_to_i32_exact(-0.0), None);
    assert_eq!(nc::double_to_i32_exact(0.0), Some(0));
    assert_eq!(nc::double_to_i32_exact(1.5), None);
    assert_eq!(nc::double_to_i32_exact(f64::NAN), None);
}

#[test]
fn math_spots() {
    assert_eq!(m::round(0.49999999999999994), 0.0);
    assert!(is_neg_zero(m::round(-0.5)));
    assert!(is_neg_zero(m::round(-0.2)));
    assert_eq!(m::round(2.5), 3.0);
    assert_eq!(m::round(-2.5), -2.0);
    assert!(!is_neg_zero(m::max(&[-0.0, 0.0])));
    assert!(is_neg_zero(m::min(&[0.0, -0.0])));
    assert!(m::max(&[1.0, f64::NAN, 3.0]).is_nan());
    assert_eq!(m::max(&[]), f64::NEG_INFINITY);
    assert_eq!(m::min(&[]), f64::INFINITY);
    assert_eq!(m::hypot(&[f64::NAN, f64::INFINITY]), f64::INFINITY);
    assert!(m::hypot(&[f64::NAN, 1.0]).is_nan());
    assert_eq!(m::hypot(&[3.0, 4.0]), 5.0);
    assert_eq!(m::hypot(&[]), 0.0);
    assert!(!is_neg_zero(m::hypot(&[-0.0])));
    assert_eq!(m::pow(f64::NAN, 0.0), 1.0);
    assert_eq!(m::pow(f64::NAN, -0.0), 1.0);
    assert!(m::pow(1.0, f64::INFINITY).is_nan());
    assert!(m::pow(-1.0, f64::NEG_INFINITY).is_nan());
    assert!(m::pow(1.0, f64::NAN).is_nan());
    assert!(m::pow(-8.0, 1.0 / 3.0).is_nan());
    assert_eq!(m::pow(10.0, -5.0), 0.000009999999999999999);
    assert_eq!(m::pow(100.0, -2.0).to_bits(), 0x3f1a36e2eb1c432c);
    assert_eq!(m::pow(-0.0, -3.0), f64::NEG_INFINITY);
    assert_eq!(m::exp(1.0).to_bits(), 0x4005bf0a8b145769); // Math.E, not fdlibm's ...76a
    assert_eq!(m::sin(std::f64::consts::PI), 1.2246467991473532e-16);
    assert_eq!(m::cos(1e22), 0.523214785395139);
    assert_eq!(m::tan(1e300), 1.4214488238747245);
    assert_eq!(m::atan2(-0.0, -0.0), -std::f64::consts::PI);
    assert_eq!(m::cbrt(27.0), 3.0);
    assert_eq!(m::log10(1000.0), 3.0);
    assert_eq!(m::log2(8.0), 3.0);
    assert!(is_neg_zero(m::sign(-0.0)));
    assert_eq!(m::clz32(0.0), 32.0);
    assert_eq!(m::imul(4294967295.0, 5.0), -5.0);
    assert_eq!(m::fround(5.05), 5.050000190734863);
}

#[test]
fn strutil_spots() {
    assert_eq!(su::to_lower(&u("İ")).len(), 2);
    assert_eq!(su::to_upper(&u("ß")), u("SS"));
    assert_eq!(su::to_lower(&u("ΑΣ")), u("ας"));
    assert_eq!(
        su::to_upper(&[0xD800, 0x61, 0xDC00]),
        vec![0xD800, 0x41, 0xDC00]
    );
    let mut q = Vec::new();
    su::json_quote(&[0x07, 0xD800, 0x22, 0x0A, 0xD83D, 0xDE00], &mut q);
    assert_eq!(
        String::from_utf16(&q).unwrap(),
        "\"\\u0007\\ud800\\\"\\n\u{1F600}\""
    );
    assert_eq!(
        su::utf16_to_string_lossy(&[0xD800, 0x61, 0xDC00]).as_bytes(),
        b"\xef\xbf\xbda\xef\xbf\xbd"
    );
    assert_eq!(su::trim(&u("\u{feff} a b\u{3000}\n")), u("a b").as_slice());
    assert_eq!(su::trim_start(&u("  x ")), u("x ").as_slice());
    assert_eq!(su::trim_end(&u("  x ")), u("  x").as_slice());
    assert_eq!(su::trim(&u("\u{180e}")), u("\u{180e}").as_slice());
    use std::cmp::Ordering::*;
    assert_eq!(su::compare_utf16(&u("a"), &u("b")), Less);
    assert_eq!(su::compare_utf16(&u("ab"), &u("a")), Greater);
    // UTF-16 order: a surrogate pair (U+1F600) sorts before U+FF5E.
    assert_eq!(su::compare_utf16(&u("\u{1F600}"), &u("\u{FF5E}")), Less);
    let h = u("abcabc");
    assert_eq!(su::index_of(&h, &u("bc"), 0), Some(1));
    assert_eq!(su::index_of(&h, &u("bc"), 2), Some(4));
    assert_eq!(su::index_of(&h, &u("bc"), 5), None);
    assert_eq!(su::index_of(&h, &u(""), 99), Some(6));
    assert_eq!(su::last_index_of(&h, &u("bc"), usize::MAX), Some(4));
    assert_eq!(su::last_index_of(&h, &u("bc"), 3), Some(1));
    assert_eq!(su::last_index_of(&h, &u("bc"), 0), None);
    assert_eq!(su::last_index_of(&h, &u(""), 2), Some(2));
    assert_eq!(su::last_index_of(&h, &u(""), usize::MAX), Some(6));
    assert_eq!(su::last_index_of(&u("a"), &u("abc"), 0), None);
}
