print round(2.675, 2), round(1.005, 2), round(1234.5678, -2), round(0.125, 2)
