let total = 0;
for (let i = 0; i < 3; i++) total += i;
print('total', total);
print(typeof totl);
print(totl);
