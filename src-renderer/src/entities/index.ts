// The entities feature as other folders see it (the boundary check lets them
// import nothing else from entities/). Nothing is used outside yet: the
// entity combobox and its ranking are shared from ui/.
export {}
