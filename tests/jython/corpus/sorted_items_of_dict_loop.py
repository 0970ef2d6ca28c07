totals = {}
for word in "a b a c b a".split():
    totals[word] = totals.get(word, 0) + 1
for word, count in sorted(totals.items()):
    print word, count
