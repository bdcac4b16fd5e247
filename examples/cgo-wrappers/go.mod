module example.com/cgowrappers

go 1.22
