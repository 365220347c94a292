// More than 100 elements: the "... n more items" entry does not widen a column (it did).
const a = []; for (let i = 0; i < 120; i++) a.push(i / 2); console.log(a);
