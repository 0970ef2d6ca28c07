d = {k: k * k for k in range(4)}
print sorted(d.items())
s = {c for c in "abca"}
print sorted(s)
