let a = 1; a ??= 2; a ||= 3; a &&= 4; a **= 2; a >>>= 1;
const b = a?.b?.[0]?.(1) ?? (a ? a : void 0), c = typeof a === "number" && !(a in {}) || -a ** 2;
