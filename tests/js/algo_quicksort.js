// seed * 1103515245 exceeds 2**53: the rounding of doubles is part of the result
function quicksort(a) {
  if (a.length <= 1) return a;
  const pivot = a[a.length >> 1];
  const less = a.filter(x => x < pivot), eq = a.filter(x => x === pivot), more = a.filter(x => x > pivot);
  return quicksort(less).concat(eq, quicksort(more));
}
let seed = 12345;
function lcg() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; }
const data = [];
for (let i = 0; i < 200; i++) data.push(lcg() % 1000);
const sorted = quicksort(data);
const ref = data.slice().sort((x, y) => x - y);
print(sorted.join() === ref.join(), sorted.slice(0, 5), sorted.slice(-3), seed);
function insertionSort(a) {
  for (let i = 1; i < a.length; i++) {
    const v = a[i]; let j = i - 1;
    while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
    a[j + 1] = v;
  }
  return a;
}
print(insertionSort([5, 2, 9, 1, 5, 6, -3]));
