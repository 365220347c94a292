function bsearch(arr, target) {
  let lo = 0, hi = arr.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] === target) return mid;
    if (arr[mid] < target) lo = mid + 1; else hi = mid - 1;
  }
  return -(lo + 1);
}
const arr = [];
for (let i = 0; i < 100; i++) arr.push(i * 3);
print(bsearch(arr, 0), bsearch(arr, 297), bsearch(arr, 150), bsearch(arr, 151), bsearch(arr, -5), bsearch(arr, 1000));
print(bsearch([], 1), bsearch(['apple', 'fig', 'kiwi', 'pear'], 'kiwi'));
