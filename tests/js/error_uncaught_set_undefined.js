const state = {};
state.a = 1;
print(JSON.stringify(state));
print(state.nested);
state.nested.value = 2;
