g = {"base": 10}
l = {}
exec "total = base + 5" in g, l
print l["total"], "total" in g
