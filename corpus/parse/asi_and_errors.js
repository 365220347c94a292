let x = 1
let y = x
++y
return
let = 5; for (let let of []) {}
