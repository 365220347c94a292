//! Property tests (no node needed): round trips and agreement with simple
//! reference implementations.
use jolt::runtime::numconv as nc;
use jolt::runtime::strutil as su;
use proptest::prelude::*;

fn finite() -> impl Strategy<Value = f64> {
    any::<u64>()
        .prop_map(f64::from_bits)
        .prop_filter("finite", |x| x.is_finite())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn number_to_string_round_trips(x in finite()) {
        let s: Vec<u16> = nc::number_to_string(x).encode_utf16().collect();
        let back = nc::string_to_number(&s);
        // -0 prints as "0"; everything else must come back bit-identical.
        prop_assert!(back.to_bits() == x.to_bits() || (x == 0.0 && back == 0.0));
        prop_assert_eq!(nc::parse_float(&s).to_bits(), back.to_bits());
    }

    #[test]
    fn radix_ten_is_number_to_string(x in finite()) {
        prop_assert_eq!(nc::number_to_string_radix(x, 10), nc::number_to_string(x));
    }

    #[test]
    fn integer_radix_strings_parse_back(x in -(1i64 << 53)..(1i64 << 53), r in 2u32..=36) {
        let s: Vec<u16> = nc::number_to_string_radix(x as f64, r).encode_utf16().collect();
        // Integers below 2^53 are exact in every radix, whatever parseInt's
        // accumulation strategy.
        prop_assert_eq!(nc::parse_int(&s, Some(r as i32)), x as f64);
    }

    #[test]
    fn int32_conversions_agree(x in finite()) {
        prop_assert_eq!(nc::to_int32(x), nc::to_uint32(x) as i32);
        if x.trunc().abs() < 2147483648.0 {
            prop_assert_eq!(nc::to_int32(x), x.trunc() as i32);
        }
        let exact = nc::double_to_i32_exact(x);
        if let Some(i) = exact {
            prop_assert_eq!(i as f64, x);
            prop_assert!(!(x == 0.0 && x.is_sign_negative()));
        }
    }

    #[test]
    fn to_fixed_is_close_and_well_formed(x in -1e15f64..1e15, d in 0u32..=20) {
        let s = nc::to_fixed(x, d);
        let frac = s.split('.').nth(1).map_or(0, str::len);
        prop_assert_eq!(frac, d as usize);
        let v = s.parse::<f64>().unwrap();
        prop_assert!((v - x).abs() <= 0.5 * 10f64.powi(-(d as i32)) * (1.0 + 1e-9) + x.abs() * 1e-15);
    }

    #[test]
    fn compare_utf16_is_code_point_order_without_surrogates(
        a in proptest::collection::vec(prop_oneof![0u16..0xD800, 0xE000u16..=0xFFFF], 0..6),
        b in proptest::collection::vec(prop_oneof![0u16..0xD800, 0xE000u16..=0xFFFF], 0..6),
    ) {
        let sa = String::from_utf16(&a).unwrap();
        let sb = String::from_utf16(&b).unwrap();
        prop_assert_eq!(su::compare_utf16(&a, &b), sa.cmp(&sb));
    }

    #[test]
    fn index_of_agrees_with_naive_search(
        hay in proptest::collection::vec(0u16..3, 0..12),
        needle in proptest::collection::vec(0u16..3, 0..3),
        from in 0usize..15,
    ) {
        let n = needle.len();
        let first = (from.min(hay.len())..=hay.len())
            .find(|&i| i + n <= hay.len() && hay[i..i + n] == needle[..]);
        prop_assert_eq!(su::index_of(&hay, &needle, from), first);
        let last = (0..=from.min(hay.len()))
            .rev()
            .find(|&i| i + n <= hay.len() && hay[i..i + n] == needle[..]);
        prop_assert_eq!(su::last_index_of(&hay, &needle, from), last);
    }

    #[test]
    fn ascii_case_mapping_is_ascii_case_mapping(s in "[ -~]{0,20}") {
        let u: Vec<u16> = s.encode_utf16().collect();
        prop_assert_eq!(su::to_upper(&u), s.to_ascii_uppercase().encode_utf16().collect::<Vec<_>>());
        prop_assert_eq!(su::to_lower(&u), s.to_ascii_lowercase().encode_utf16().collect::<Vec<_>>());
    }

    #[test]
    fn trim_removes_exactly_js_whitespace(v in proptest::collection::vec(
        prop_oneof![Just(0x20u16), Just(0x3000), Just(0xFEFF), Just(0x2028), 0x21u16..0x7f], 0..10)) {
        let t = su::trim(&v);
        prop_assert!(t.first().is_none_or(|&c| !su::is_js_whitespace(c)));
        prop_assert!(t.last().is_none_or(|&c| !su::is_js_whitespace(c)));
        let kept: Vec<u16> = v.iter().copied().filter(|&c| !su::is_js_whitespace(c)).collect();
        let kept_t: Vec<u16> = t.iter().copied().filter(|&c| !su::is_js_whitespace(c)).collect();
        prop_assert_eq!(kept, kept_t);
    }
}
