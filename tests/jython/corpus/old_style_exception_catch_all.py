try:
    {}["missing"]
except:
    print "caught anything"
