//! Number <-> string conversions and the ECMAScript integer conversions,
//! matching node v20 (V8 11.3) byte for byte.
//!
//! Invariants:
//! - `number_to_string` is ECMAScript `Number::toString(x, 10)`: shortest
//!   round-trip digits (ryu-js), `NaN`, `Infinity`, `-Infinity`, `0` for
//!   both zeros, plain notation for 1e-7 < |x| < 1e21, exponent form
//!   (`1e+21`, `1.5e-7`) otherwise.
//! - `number_to_string_radix` reproduces V8's `DoubleToRadixCString`
//!   digit for digit, including its fraction digits (which stop once they
//!   identify the double uniquely, rounding half to even).
//! - `to_fixed` rounds the exact binary value of the double (no double
//!   rounding): ties go away from zero, as the spec's "larger n" does.
//! - `string_to_number`, `parse_float` and `parse_int` with radix 10 or a
//!   power of two are correctly rounded; `parse_int` with any other radix
//!   reproduces V8's 32-bit-chunk accumulation (the spec allows an
//!   approximation there, and V8's rounding is what node prints).
//! - All string inputs are UTF-16 code units (`&[u16]`); all string outputs
//!   are ASCII, so they are returned as `String`.

use super::strutil::{trim, trim_start};

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// `Number::toString(x)` in radix 10. ASCII result.
pub fn number_to_string(x: f64) -> String {
    if x == 0.0 {
        return "0".to_string(); // ryu-js would also say "0"; keep -0 explicit
    }
    let mut buf = ryu_js::Buffer::new();
    buf.format(x).to_string()
}

/// `Number.prototype.toString(radix)` for radix 2..=36 (radix 10 delegates
/// to [`number_to_string`]). ASCII result.
///
/// # Panics
/// If `radix` is outside 2..=36 (the engine throws RangeError before).
pub fn number_to_string_radix(x: f64, radix: u32) -> String {
    assert!((2..=36).contains(&radix), "radix out of range");
    if radix == 10 {
        return number_to_string(x);
    }
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-Infinity" } else { "Infinity" }.to_string();
    }
    let r = radix as f64;
    let negative = x < 0.0;
    let value = x.abs();
    let mut integer = value.floor();
    let mut fraction = value - integer;
    // Only generate fraction digits up to the double's precision: half the
    // distance to the next double (at least the smallest subnormal).
    let next = f64::from_bits(value.to_bits() + 1);
    let mut delta = (0.5 * (next - value)).max(f64::from_bits(1));
    let mut frac: Vec<u8> = Vec::new();
    if fraction >= delta {
        loop {
            fraction *= r;
            delta *= r;
            let digit = fraction as usize;
            frac.push(DIGITS[digit]);
            fraction -= digit as f64;
            // Round half to even.
            if (fraction > 0.5 || (fraction == 0.5 && (digit & 1) == 1)) && fraction + delta > 1.0 {
                // Round up, propagating the carry back through the digits.
                loop {
                    match frac.pop() {
                        None => {
                            integer += 1.0;
                            break;
                        }
                        Some(c) => {
                            let d = digit_value(c as u16).unwrap() as u32;
                            if d + 1 < radix {
                                frac.push(DIGITS[(d + 1) as usize]);
                                break;
                            }
                        }
                    }
                }
                break;
            }
            if fraction < delta {
                break;
            }
        }
    }
    // Integer digits; digits below the double's precision are zeros.
    let mut int_digits: Vec<u8> = Vec::new();
    while exponent_of(integer / r) > 0 {
        integer /= r;
        int_digits.push(b'0');
    }
    loop {
        let rem = integer % r;
        int_digits.push(DIGITS[rem as usize]);
        integer = (integer - rem) / r;
        if integer <= 0.0 {
            break;
        }
    }
    let mut out = String::with_capacity(int_digits.len() + frac.len() + 2);
    if negative {
        out.push('-');
    }
    out.extend(int_digits.iter().rev().map(|&b| b as char));
    if !frac.is_empty() {
        out.push('.');
        out.extend(frac.iter().map(|&b| b as char));
    }
    out
}

/// V8's `Double::Exponent()`: the power of two of the unit in the last
/// place (value = significand * 2^e with a 53-bit integer significand).
fn exponent_of(d: f64) -> i32 {
    let bits = d.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        -1074
    } else {
        biased - 0x3ff - 52
    }
}

/// Minimal unsigned big integer (little-endian base 2^32) for `to_fixed`.
struct BigUint(Vec<u32>);

impl BigUint {
    fn from_u64(v: u64) -> Self {
        let mut b = BigUint(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }
    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }
    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for limb in self.0.iter_mut() {
            let v = *limb as u64 * m as u64 + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
    }
    fn add_small(&mut self, a: u32) {
        let mut carry = a as u64;
        for limb in self.0.iter_mut() {
            if carry == 0 {
                break;
            }
            let v = *limb as u64 + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
    }
    fn shl(&mut self, n: u32) {
        let words = (n / 32) as usize;
        let bits = n % 32;
        if bits != 0 {
            let mut carry = 0u32;
            for limb in self.0.iter_mut() {
                let v = *limb;
                *limb = (v << bits) | carry;
                carry = v >> (32 - bits);
            }
            if carry != 0 {
                self.0.push(carry);
            }
        }
        let mut v = vec![0u32; words];
        v.extend_from_slice(&self.0);
        self.0 = v;
        self.trim();
    }
    fn bit(&self, i: u32) -> bool {
        let w = (i / 32) as usize;
        w < self.0.len() && (self.0[w] >> (i % 32)) & 1 == 1
    }
    fn shr(&mut self, n: u32) {
        let words = (n / 32) as usize;
        if words >= self.0.len() {
            self.0.clear();
            return;
        }
        self.0.drain(..words);
        let bits = n % 32;
        if bits != 0 {
            for i in 0..self.0.len() {
                let hi = if i + 1 < self.0.len() {
                    self.0[i + 1]
                } else {
                    0
                };
                self.0[i] = (self.0[i] >> bits) | (hi << (32 - bits));
            }
        }
        self.trim();
    }
    /// Divides in place by `d`, returning the remainder.
    fn div_small(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for limb in self.0.iter_mut().rev() {
            let v = (rem << 32) | *limb as u64;
            *limb = (v / d as u64) as u32;
            rem = v % d as u64;
        }
        self.trim();
        rem as u32
    }
    fn to_decimal(&self) -> String {
        if self.is_zero() {
            return "0".to_string();
        }
        let mut n = BigUint(self.0.clone());
        let mut chunks = Vec::new();
        while !n.is_zero() {
            chunks.push(n.div_small(1_000_000_000));
        }
        let mut s = chunks.last().unwrap().to_string();
        for c in chunks.iter().rev().skip(1) {
            s.push_str(&format!("{c:09}"));
        }
        s
    }
}

/// `Number.prototype.toFixed(digits)` for digits 0..=100 (range checked by
/// the caller). Rounds the double's exact value, ties away from zero;
/// `|x| >= 1e21` and NaN use [`number_to_string`]. ASCII result.
pub fn to_fixed(x: f64, digits: u32) -> String {
    if x.is_nan() || x.abs() >= 1e21 {
        return number_to_string(x);
    }
    let negative = x < 0.0; // -0 prints without sign; -1e-7 keeps it
    let bits = x.abs().to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac_bits = bits & ((1u64 << 52) - 1);
    let (mant, exp) = if biased == 0 {
        (frac_bits, -1074)
    } else {
        (frac_bits | (1u64 << 52), biased - 1075)
    };
    // n = round(mant * 2^exp * 10^digits)
    let mut n = BigUint::from_u64(mant);
    for _ in 0..digits {
        n.mul_small(10);
    }
    if exp >= 0 {
        n.shl(exp as u32);
    } else {
        let sh = (-exp) as u32;
        let round_up = n.bit(sh - 1); // remainder >= half: ties go up
        n.shr(sh);
        if round_up {
            n.add_small(1);
        }
    }
    let mut s = n.to_decimal();
    let d = digits as usize;
    if d > 0 {
        if s.len() <= d {
            s = "0".repeat(d + 1 - s.len()) + &s;
        }
        s.insert(s.len() - d, '.');
    }
    if negative {
        s.insert(0, '-');
    }
    s
}

fn digit_value(c: u16) -> Option<u8> {
    match c {
        0x30..=0x39 => Some((c - 0x30) as u8),
        0x61..=0x7a => Some((c - 0x61 + 10) as u8),
        0x41..=0x5a => Some((c - 0x41 + 10) as u8),
        _ => None,
    }
}

fn ascii_eq(s: &[u16], lit: &str) -> bool {
    s.len() == lit.len() && s.iter().zip(lit.bytes()).all(|(&a, b)| a == b as u16)
}

fn starts_with_ascii(s: &[u16], lit: &str) -> bool {
    s.len() >= lit.len() && ascii_eq(&s[..lit.len()], lit)
}

/// Parses a run of digits of a power-of-two radix exactly as V8's
/// `InternalStringToIntDouble`: exact below 2^53, then round half to even
/// with the remaining digits as sticky bits. `digits` are already
/// validated and non-empty.
fn radix_pow2_to_double(digits: &[u8], log2_radix: u32) -> f64 {
    let mut i = 0;
    while i < digits.len() && digits[i] == 0 {
        i += 1;
    }
    let mut number: u64 = 0;
    let mut exponent: i32 = 0;
    while i < digits.len() {
        number = (number << log2_radix) | digits[i] as u64;
        let overflow = number >> 53;
        if overflow != 0 {
            let overflow_bits = 64 - overflow.leading_zeros();
            let dropped_mask = (1u64 << overflow_bits) - 1;
            let dropped = number & dropped_mask;
            number >>= overflow_bits;
            exponent = overflow_bits as i32;
            let zero_tail = digits[i + 1..].iter().all(|&d| d == 0);
            exponent += (log2_radix as i32) * (digits.len() - i - 1) as i32;
            let middle = 1u64 << (overflow_bits - 1);
            if dropped > middle || (dropped == middle && ((number & 1) != 0 || !zero_tail)) {
                number += 1;
            }
            if number & (1u64 << 53) != 0 {
                exponent += 1;
                number >>= 1;
            }
            break;
        }
        i += 1;
    }
    if exponent == 0 {
        number as f64
    } else {
        libm::ldexp(number as f64, exponent)
    }
}

/// Validates an ASCII StrUnsignedDecimalLiteral-with-sign (no `Infinity`)
/// and returns its length if the *whole* input matches.
fn decimal_prefix_len(s: &[u16]) -> usize {
    let n = s.len();
    let mut i = 0;
    if i < n && (s[i] == b'+' as u16 || s[i] == b'-' as u16) {
        i += 1;
    }
    let is_digit = |c: u16| (0x30..=0x39).contains(&c);
    let int_start = i;
    while i < n && is_digit(s[i]) {
        i += 1;
    }
    let mut ndigits = i - int_start;
    if i < n && s[i] == b'.' as u16 {
        let dot = i;
        i += 1;
        let fs = i;
        while i < n && is_digit(s[i]) {
            i += 1;
        }
        ndigits += i - fs;
        if ndigits == 0 {
            return 0;
        }
        let _ = dot;
    }
    if ndigits == 0 {
        return 0;
    }
    if i < n && (s[i] == b'e' as u16 || s[i] == b'E' as u16) {
        let mut j = i + 1;
        if j < n && (s[j] == b'+' as u16 || s[j] == b'-' as u16) {
            j += 1;
        }
        let es = j;
        while j < n && is_digit(s[j]) {
            j += 1;
        }
        if j > es {
            i = j;
        }
    }
    i
}

/// Correctly rounded parse of an already validated ASCII decimal literal.
fn parse_decimal_ascii(s: &[u16]) -> f64 {
    // Up to 15 digits with an optional sign: an exact integer (below
    // 2^53), so the value is the digits' (and "-0" is -0).
    let (neg, digits) = match s.first() {
        Some(&c) if c == b'-' as u16 => (true, &s[1..]),
        Some(&c) if c == b'+' as u16 => (false, &s[1..]),
        _ => (false, s),
    };
    if !digits.is_empty()
        && digits.len() <= 15
        && digits.iter().all(|&c| (0x30..=0x39).contains(&c))
    {
        let n = digits
            .iter()
            .fold(0u64, |n, &c| n * 10 + (c - b'0' as u16) as u64) as f64;
        return if neg { -n } else { n };
    }
    // Otherwise the standard library's correctly rounded parse, from a
    // stack buffer when the text is short.
    let mut buf = [0u8; 64];
    if s.len() <= buf.len() {
        for (b, &c) in buf.iter_mut().zip(s) {
            *b = c as u8;
        }
        return std::str::from_utf8(&buf[..s.len()])
            .ok()
            .and_then(|t| t.parse::<f64>().ok())
            .unwrap_or(f64::NAN);
    }
    let st: String = s.iter().map(|&c| c as u8 as char).collect();
    st.parse::<f64>().unwrap_or(f64::NAN)
}

/// ECMAScript `StringToNumber` (the `Number(string)` conversion).
pub fn string_to_number(s: &[u16]) -> f64 {
    let s = trim(s);
    if s.is_empty() {
        return 0.0;
    }
    if s.len() > 2 && s[0] == b'0' as u16 {
        let log2 = match s[1] {
            0x78 | 0x58 => 4, // x X
            0x6f | 0x4f => 3, // o O
            0x62 | 0x42 => 1, // b B
            _ => 0,
        };
        if log2 != 0 {
            let radix = 1u8 << log2;
            let mut digits = Vec::with_capacity(s.len() - 2);
            for &c in &s[2..] {
                match digit_value(c) {
                    Some(d) if d < radix => digits.push(d),
                    _ => return f64::NAN,
                }
            }
            return radix_pow2_to_double(&digits, log2);
        }
    }
    let body = if s[0] == b'+' as u16 || s[0] == b'-' as u16 {
        &s[1..]
    } else {
        s
    };
    if ascii_eq(body, "Infinity") {
        return if s[0] == b'-' as u16 {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    if decimal_prefix_len(s) == s.len() {
        parse_decimal_ascii(s)
    } else {
        f64::NAN
    }
}

/// Global `parseFloat(string)`: longest StrDecimalLiteral prefix after
/// leading whitespace, correctly rounded; NaN when there is none.
pub fn parse_float(s: &[u16]) -> f64 {
    let s = trim_start(s);
    let len = decimal_prefix_len(s);
    if len > 0 {
        return parse_decimal_ascii(&s[..len]);
    }
    let (neg, body) = match s.first() {
        Some(&c) if c == b'-' as u16 => (true, &s[1..]),
        Some(&c) if c == b'+' as u16 => (false, &s[1..]),
        _ => (false, s),
    };
    if starts_with_ascii(body, "Infinity") {
        return if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    f64::NAN
}

/// Global `parseInt(string, radix)`. `radix` is `None` for undefined or
/// the ToInt32 of the argument (0 means "detect", i.e. 10 or 16 with `0x`).
pub fn parse_int(s: &[u16], radix: Option<i32>) -> f64 {
    let mut s = trim_start(s);
    let mut negative = false;
    if let Some(&c) = s.first() {
        if c == b'-' as u16 || c == b'+' as u16 {
            negative = c == b'-' as u16;
            s = &s[1..];
        }
    }
    let mut r = radix.unwrap_or(0);
    let mut strip_prefix = true;
    if r != 0 {
        if !(2..=36).contains(&r) {
            return f64::NAN;
        }
        if r != 16 {
            strip_prefix = false;
        }
    } else {
        r = 10;
    }
    if strip_prefix && s.len() >= 2 && s[0] == b'0' as u16 && (s[1] == 0x78 || s[1] == 0x58) {
        s = &s[2..];
        r = 16;
    }
    let radix = r as u8;
    let digits: Vec<u8> = s
        .iter()
        .map_while(|&c| digit_value(c).filter(|&d| d < radix))
        .collect();
    if digits.is_empty() {
        return f64::NAN;
    }
    let v = if radix == 10 {
        let st: String = digits.iter().map(|&d| (b'0' + d) as char).collect();
        st.parse::<f64>().unwrap_or(f64::NAN)
    } else if radix.is_power_of_two() {
        radix_pow2_to_double(&digits, radix.trailing_zeros())
    } else {
        chunked_radix_to_double(&digits, radix as u32)
    };
    if negative {
        -v
    } else {
        v
    }
}

/// V8's generic-radix accumulation: leading zeros skipped, then chunks whose
/// multiplier stays below 2^32/36 are folded in with one double
/// multiply-add each (that rounding is observable and reproduced).
fn chunked_radix_to_double(digits: &[u8], radix: u32) -> f64 {
    const MAX_MULTIPLIER: u32 = 0xFFFF_FFFF / 36;
    let start = digits.iter().position(|&d| d != 0).unwrap_or(digits.len());
    let digits = &digits[start..];
    let mut result = 0.0f64;
    let mut i = 0;
    while i < digits.len() {
        let mut part: u32 = 0;
        let mut multiplier: u32 = 1;
        while i < digits.len() {
            let m = multiplier * radix;
            if m > MAX_MULTIPLIER {
                break;
            }
            part = part * radix + digits[i] as u32;
            multiplier = m;
            i += 1;
        }
        result = result * multiplier as f64 + part as f64;
    }
    result
}

/// ECMAScript `ToInt32`.
pub fn to_int32(x: f64) -> i32 {
    to_uint32(x) as i32
}

/// ECMAScript `ToUint32`: truncate, then reduce modulo 2^32 (NaN and
/// infinities give 0).
pub fn to_uint32(x: f64) -> u32 {
    if !x.is_finite() {
        return 0;
    }
    let t = x.trunc();
    if t.abs() < 9_007_199_254_740_992.0 {
        return (t as i64) as u32;
    }
    // |t| >= 2^53: t is an integer multiple of 2^(exp-52); the low 32 bits
    // come from the significand shifted left.
    let bits = t.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let low = if exp >= 64 { 0 } else { (mant << exp) as u32 };
    if t < 0.0 {
        low.wrapping_neg()
    } else {
        low
    }
}

/// ECMAScript `ToIntegerOrInfinity`: truncation toward zero; NaN and every
/// value that truncates to zero (including `-0.5`) give `+0`.
pub fn to_integer_or_infinity(x: f64) -> f64 {
    let t = x.trunc();
    if t == 0.0 || t.is_nan() {
        0.0
    } else {
        t
    }
}

/// `Some(i)` exactly when `x` is an int32 value other than `-0` (the
/// engine's int32 fast-path test).
pub fn double_to_i32_exact(x: f64) -> Option<i32> {
    let i = x as i32; // saturating; NaN gives 0
    if i as f64 == x && !(i == 0 && x.is_sign_negative()) {
        Some(i)
    } else {
        None
    }
}
