from twinatlas.cli import main

main()
