// The light build has the same API as the full one, without the Redis clustering.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
