# DecimalFormat over 600 random values and nine patterns (HALF_EVEN on exact doubles)
from java.util import Random
from java.text import DecimalFormat
r = Random(99)
patterns = ["#,##0.00", "0.###", "#", "0.0", "#,##0", "000.00", "#.##", "0.00%", "#,##0.###"]
for i in range(600):
    p = patterns[r.nextInt(len(patterns))]
    v = (r.nextDouble() - 0.3) * 10.0 ** (r.nextInt(10) - 3)
    print(p + " " + DecimalFormat(p).format(v))
