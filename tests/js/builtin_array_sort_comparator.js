const nums = [10, 9, 1, 100, 25, -5, 0];
print(nums.slice().sort((a, b) => a - b), nums.slice().sort((a, b) => b - a));
print([3, 1, 2].sort((a, b) => a < b ? -1 : a > b ? 1 : 0), [0.1, -0.1, 0].sort((a, b) => a - b));
const words = ['pear', 'Fig', 'apple', 'kiwi', 'banana'];
print(words.slice().sort((a, b) => a.length - b.length || (a < b ? -1 : 1)));
print(words.slice().sort((a, b) => a.toLowerCase() < b.toLowerCase() ? -1 : 1));
print([5, 1, 4].sort(() => 0), [5, 1, 4].sort((a, b) => (b > a) - (b < a)));
print([3, undefined, 1, 2].sort((a, b) => b - a));
try { [2, 1].sort('not a function'); } catch (e) { print(e.name, e.message); }
const people = [{ n: 'b', age: 30 }, { n: 'a', age: 25 }, { n: 'c', age: 30 }];
print(people.sort((x, y) => y.age - x.age).map(p => p.n).join());
