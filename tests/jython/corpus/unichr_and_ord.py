print ord(unichr(233)), ord("a")
