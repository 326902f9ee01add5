// react-redux is AdminJS's own (a browser global in the component bundle, not a dependency of ours);
// these are the two hooks the notice box uses.
declare module 'react-redux' {
  export function useSelector<State, Selected>(selector: (state: State) => Selected): Selected;
  export function useDispatch(): (action: { type: string; data?: unknown }) => void;
}
