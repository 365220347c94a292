// name inherited from TypeError, constructor 'Bad' does not contain it: 'Bad [TypeError]: ...'
class Bad extends TypeError {}
print(new Bad('x').name, new Bad('x') instanceof TypeError);
print(String(new Bad('shown')));
throw new Bad('typed failure');
