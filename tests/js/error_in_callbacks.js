const arr = [1, 2, 3, 4];
let visited = [];
try { arr.forEach(x => { visited.push(x); if (x === 2) throw new Error('stop at 2'); }); }
catch (e) { print(e.message, visited); }
try { arr.map(x => { if (x === 3) throw x; return x; }); } catch (e) { print('map threw', e); }
try { [3, 1, 2].sort((a, b) => { throw new TypeError('cmp'); }); } catch (e) { print(e.name, e.message); }
const o = { get bad() { throw new ReferenceError('getter failed'); } };
try { o.bad; } catch (e) { print(e.name, e.message); }
try { JSON.stringify({ toJSON() { throw new Error('toJSON failed'); } }); } catch (e) { print(e.message); }
try { String({ toString() { throw new Error('toString failed'); } }); } catch (e) { print(e.message); }
try { [1].reduce(() => { throw 'in reduce'; }, 0); } catch (e) { print(e); }
