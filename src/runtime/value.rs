//! NaN-boxed values (JavaScriptCore's JSValue64 encoding).
//!
//! Invariants:
//! - A `Value` is one `u64`. Top 15 bits all set (`>= NUMBER_TAG`): an int32
//!   in the low 32 bits. Any other bit pattern with `NUMBER_TAG` bits present:
//!   a double stored as `bits + DOUBLE_OFFSET` (so no double ever looks like a
//!   pointer or an int32). NaN is canonicalised on boxing, which keeps NaN
//!   payloads from wrapping into the int32 range.
//! - Pointers to heap cells are stored unboxed: top 16 bits zero, 8-aligned,
//!   and never equal to one of the small immediates below.
//! - Immediates: `EMPTY` (0: array holes and TDZ), `NULL`, `FALSE`, `TRUE`,
//!   `UNDEFINED`.
//!
//! The JIT tiers depend on this exact encoding (tag compare + 32-bit op for
//! the int32 fast path), so it is written down here once.

pub const NUMBER_TAG: u64 = 0xfffe_0000_0000_0000;
pub const DOUBLE_OFFSET: u64 = 1 << 49;
pub const OTHER_TAG: u64 = 0x2;
pub const BOOL_TAG: u64 = 0x4;
pub const UNDEFINED_TAG: u64 = 0x8;
/// Mask that is zero exactly for cells (and `EMPTY`).
pub const NOT_CELL_MASK: u64 = NUMBER_TAG | OTHER_TAG;

#[derive(Copy, Clone, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(pub u64);

impl Value {
    pub const EMPTY: Value = Value(0);
    pub const NULL: Value = Value(OTHER_TAG);
    pub const FALSE: Value = Value(OTHER_TAG | BOOL_TAG);
    pub const TRUE: Value = Value(OTHER_TAG | BOOL_TAG | 1);
    pub const UNDEFINED: Value = Value(OTHER_TAG | UNDEFINED_TAG);

    #[inline(always)]
    pub fn int(i: i32) -> Value {
        Value(NUMBER_TAG | (i as u32 as u64))
    }

    /// Boxes a double as-is (no int32 normalisation). NaN is canonicalised.
    #[inline(always)]
    pub fn double(d: f64) -> Value {
        let bits = if d.is_nan() {
            f64::NAN.to_bits()
        } else {
            d.to_bits()
        };
        Value(bits.wrapping_add(DOUBLE_OFFSET))
    }

    /// Boxes a number, preferring the int32 form when it is exact (not -0).
    #[inline(always)]
    pub fn number(d: f64) -> Value {
        let i = d as i32;
        if i as f64 == d && (i != 0 || d.to_bits() == 0) {
            Value::int(i)
        } else {
            Value::double(d)
        }
    }

    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    #[inline(always)]
    pub fn is_int(self) -> bool {
        self.0 >= NUMBER_TAG
    }
    #[inline(always)]
    pub fn is_number(self) -> bool {
        self.0 & NUMBER_TAG != 0
    }
    #[inline(always)]
    pub fn is_double(self) -> bool {
        self.is_number() && !self.is_int()
    }
    #[inline(always)]
    pub fn is_cell(self) -> bool {
        self.0 & NOT_CELL_MASK == 0 && self.0 != 0
    }
    #[inline(always)]
    pub fn is_undefined(self) -> bool {
        self == Value::UNDEFINED
    }
    #[inline(always)]
    pub fn is_null(self) -> bool {
        self == Value::NULL
    }
    #[inline(always)]
    pub fn is_nullish(self) -> bool {
        // NULL and UNDEFINED differ only in UNDEFINED_TAG.
        self.0 & !UNDEFINED_TAG == OTHER_TAG
    }
    #[inline(always)]
    pub fn is_bool(self) -> bool {
        self.0 & !1 == OTHER_TAG | BOOL_TAG
    }
    #[inline(always)]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    #[inline(always)]
    pub fn as_int(self) -> i32 {
        debug_assert!(self.is_int());
        self.0 as u32 as i32
    }
    #[inline(always)]
    pub fn as_double(self) -> f64 {
        debug_assert!(self.is_double());
        f64::from_bits(self.0.wrapping_sub(DOUBLE_OFFSET))
    }
    /// The numeric value of a number (int32 or double).
    #[inline(always)]
    pub fn as_number(self) -> f64 {
        if self.is_int() {
            self.as_int() as f64
        } else {
            self.as_double()
        }
    }
    #[inline(always)]
    pub fn as_bool(self) -> bool {
        self == Value::TRUE
    }
    #[inline(always)]
    pub fn raw(self) -> u64 {
        self.0
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_int() {
            write!(f, "Int({})", self.as_int())
        } else if self.is_number() {
            write!(f, "Double({})", self.as_double())
        } else if self.is_cell() {
            write!(f, "Cell({:#x})", self.0)
        } else {
            match *self {
                Value::EMPTY => write!(f, "Empty"),
                Value::NULL => write!(f, "Null"),
                Value::TRUE => write!(f, "True"),
                Value::FALSE => write!(f, "False"),
                Value::UNDEFINED => write!(f, "Undefined"),
                _ => write!(f, "Bad({:#x})", self.0),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_disjoint() {
        let samples = [
            Value::int(0),
            Value::int(-1),
            Value::int(i32::MIN),
            Value::double(0.5),
            Value::double(-0.0),
            Value::double(f64::NAN),
            Value::double(f64::INFINITY),
            Value::double(f64::NEG_INFINITY),
            Value::double(f64::from_bits(1)),
            Value::double(-f64::MAX),
        ];
        for v in samples {
            assert!(v.is_number() && !v.is_cell() && !v.is_nullish() && !v.is_bool());
        }
        assert!(Value::int(7).is_int() && !Value::double(7.0).is_int());
        assert!(Value::double(f64::NAN).as_double().is_nan());
        // A NaN with a payload that would wrap into the int32 range stays a double.
        let weird = f64::from_bits(0xffff_ffff_ffff_ffff);
        assert!(Value::double(weird).is_double());
        assert_eq!(
            Value::double(-0.0).as_double().to_bits(),
            (-0.0f64).to_bits()
        );
        assert!(Value::number(-0.0).is_double());
        assert!(Value::number(3.0).is_int());
        assert!(Value::number(2147483648.0).is_double());
        assert!(Value::NULL.is_nullish() && Value::UNDEFINED.is_nullish());
        assert!(!Value::FALSE.is_nullish() && !Value::EMPTY.is_nullish());
        assert!(Value::TRUE.is_bool() && Value::FALSE.is_bool() && !Value::NULL.is_bool());
        assert!(Value(0x1000).is_cell() && !Value::EMPTY.is_cell());
    }
}
