console.log(Object.create(null));
const bare = Object.create(null);
bare.k = 'v';
console.log(bare);
class Pt { constructor() { this.x = 1; this.y = 2; } }
console.log(new Pt());
class Empty {}
console.log(new Empty());
console.log([new Pt()], { p: new Pt() });
